"""factory-boy factories for tests: small, valid objects with the fewest fields set."""
import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from localaction.accounts.models import User
from localaction.actions.models import Action
from localaction.campaigns.models import Campaign
from localaction.governments.models import Government, Membership
from localaction.taxonomy.models import Country

PASSWORD = "a-long-test-password"
# Hashing once keeps the suite fast: argon2 is slow on purpose.
_PASSWORD_HASH = make_password(PASSWORD)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("email",)

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    password = _PASSWORD_HASH


class GovernmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Government

    name = factory.Sequence(lambda n: f"Town {n}")
    slug = factory.Sequence(lambda n: f"town-{n}")
    country = factory.LazyFunction(lambda: Country.objects.get(code="FR"))
    verified = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    government = factory.SubFactory(GovernmentFactory)
    role = Membership.Role.FOCAL_POINT


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    slug = factory.Sequence(lambda n: f"campaign-{n}")
    name_en = factory.Sequence(lambda n: f"Campaign {n}")
    forum = Campaign.Forum.IMRF
    forum_date = factory.LazyFunction(lambda: timezone.localdate())
    opens_on = factory.LazyFunction(lambda: timezone.localdate())
    closes_on = factory.LazyFunction(lambda: timezone.localdate())


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    government = factory.SubFactory(GovernmentFactory)
    kind = Action.Kind.PRACTICE
    title_en = factory.Sequence(lambda n: f"Welcome centre number {n}")
    summary_en = "A one-stop centre where newcomers find information and services."

    class Params:
        published = factory.Trait(
            status=Action.Status.PUBLISHED, published_at=factory.LazyFunction(timezone.now)
        )

    @factory.post_generation
    def gcm_objectives(self, create, numbers, **kwargs):
        if create and numbers:
            self.gcm_objectives.set(numbers)
