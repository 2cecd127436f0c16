"""The data migrations load the UN reference data in three languages."""
import pytest

from localaction.taxonomy.models import SDG, Country, GCMObjective, GCRArea, GCRObjective, GuidingPrinciple, Region, Term, Vocabulary

pytestmark = pytest.mark.django_db

LANGS = ("en", "fr", "es")


@pytest.mark.parametrize(
    "model, count, fields",
    [
        (GCMObjective, 23, ("title", "short_label")),
        (GuidingPrinciple, 10, ("name",)),
        (GCRObjective, 4, ("text",)),
        (GCRArea, 6, ("name",)),
        (SDG, 17, ("title", "short_title")),
    ],
)
def test_each_list_is_complete_in_three_languages(model, count, fields):
    assert model.objects.count() == count
    for item in model.objects.all():
        for field in fields:
            for lang in LANGS:
                assert getattr(item, f"{field}_{lang}"), f"{item.pk} has no {field}_{lang}"


def test_objective_16_has_its_official_title():
    assert GCMObjective.objects.get(number=16).title_en == "Empower migrants and societies to realize full inclusion and social cohesion"


def test_countries_carry_their_m49_region_and_names():
    assert Country.objects.count() >= 249
    mexico = Country.objects.select_related("region", "subregion").get(code="MX")
    assert (mexico.name_fr, mexico.name_es, mexico.region.name_en, mexico.subregion.name_en) == (
        "Mexique", "México", "Americas", "Central America"
    )
    assert Country.objects.get(code="SN").region_id == "002"
    assert Region.objects.filter(parent__isnull=True).count() == 5
    inhabited_without_region = Country.objects.filter(region__isnull=True).exclude(code__in=["AQ", "BV", "HM", "GS"])
    assert not inhabited_without_region.exists()


def test_vocabularies_hold_the_target_groups_and_themes():
    assert set(Term.objects.filter(vocabulary_id=Vocabulary.TARGET_GROUPS).values_list("key", flat=True)) == {
        "migrants", "refugees", "idps", "asylum_seekers", "stateless", "host_communities", "everyone"
    }
    assert Term.objects.filter(vocabulary_id=Vocabulary.THEMES).count() >= 13
    assert Term.objects.filter(vocabulary_id=Vocabulary.GCM_PLEDGE_TYPES).exists()
    assert not Term.objects.filter(name_fr="").exists()
    assert not Term.objects.filter(name_es="").exists()


def test_reloading_the_reference_data_changes_nothing():
    from django.apps import apps

    from localaction.taxonomy.reference import load_all

    before = (Country.objects.count(), Term.objects.count(), GCMObjective.objects.count())
    load_all(apps)
    assert (Country.objects.count(), Term.objects.count(), GCMObjective.objects.count()) == before


def test_reviewers_can_edit_vocabularies_in_the_admin(client):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    from localaction.factories import UserFactory

    reviewer = UserFactory(is_staff=True)
    reviewer.groups.add(Group.objects.get(name="reviewers"))
    client.force_login(reviewer)
    response = client.post(
        reverse("admin:taxonomy_vocabulary_add"),
        {"key": "priorities", "position": 9, "name_en": "Priorities", "name_fr": "Priorités", "name_es": "Prioridades",
         "source": "", "terms-TOTAL_FORMS": 1, "terms-INITIAL_FORMS": 0, "terms-0-key": "governance",
         "terms-0-position": 1, "terms-0-name_en": "Migration governance", "terms-0-is_active": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Term.objects.filter(vocabulary_id="priorities", key="governance").exists()
    assert client.get(reverse("admin:taxonomy_gcmobjective_change", args=[1])).status_code == 200
    assert client.post(reverse("admin:taxonomy_gcmobjective_change", args=[1]), {}).status_code == 403


def test_a_new_vocabulary_is_filterable_without_code_changes(client):
    from django.urls import reverse

    from localaction.factories import ActionFactory

    vocabulary = Vocabulary.objects.create(key="priorities", name_en="Priorities")
    term = Term.objects.create(vocabulary=vocabulary, key="governance", name_en="Migration governance")
    tagged = ActionFactory(published=True, title_en="Tagged")
    tagged.terms.add(term)
    ActionFactory(published=True, title_en="Untagged")
    response = client.get(reverse("actions:list") + "?term=priorities:governance")
    assert [str(a.t.title) for a in response.context["page"]] == ["Tagged"]
    assert "?term=priorities:governance" in client.get(tagged.get_absolute_url()).content.decode()
