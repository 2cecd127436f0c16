"""Objects of the relay for tests."""
import factory
from django.utils import timezone

from localaction.contact.models import ContactMessage, VerifiedPartner
from localaction.factories import ActionFactory, UserFactory


class ContactMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactMessage

    sender = factory.SubFactory(UserFactory)
    sender_name = "Ada Writer"
    sender_organisation = "Town of Origin"
    action = factory.SubFactory(ActionFactory, published=True)
    government = factory.LazyAttribute(lambda message: message.action.government)
    subject = "Your welcome centre"
    body = "How did you start it?"


class VerifiedPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VerifiedPartner

    user = factory.SubFactory(UserFactory)
    organisation = "Migrant Network"
    verified_at = factory.LazyFunction(timezone.now)
