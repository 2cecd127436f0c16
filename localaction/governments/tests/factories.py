"""Factories for the governments workspace tests."""
import factory

from localaction.factories import GovernmentFactory, UserFactory
from localaction.governments.models import GovernmentRequest, Membership


class GovernmentRequestFactory(factory.django.DjangoModelFactory):
    """A pending request to join a verified government."""

    class Meta:
        model = GovernmentRequest

    user = factory.SubFactory(UserFactory)
    government = factory.SubFactory(GovernmentFactory)
    kind = GovernmentRequest.Kind.JOIN
    role = Membership.Role.EDITOR
    position = "Head of the migrant inclusion office"
    message = "Please let me in."
