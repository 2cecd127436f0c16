"""Content fields fall back to the original language and say so."""
import pytest
from django.utils import translation

from localaction.factories import ActionFactory
from localaction.taxonomy.models import GCMObjective

pytestmark = pytest.mark.django_db


def test_the_reader_gets_their_language_when_a_translation_exists():
    action = ActionFactory(title_en="Welcome desk", title_fr="Guichet d’accueil", original_language="en")
    with translation.override("fr"):
        title = action.t.title
    assert (title.text, title.language, title.is_fallback) == ("Guichet d’accueil", "fr", False)


def test_the_original_language_is_shown_when_the_translation_is_missing():
    action = ActionFactory(title_en="", title_es="Mesa de bienvenida", title_fr="Guichet", original_language="es")
    action.title_fr = ""
    with translation.override("fr"):
        title = action.t.title
    assert (title.text, title.language, title.is_fallback) == ("Mesa de bienvenida", "es", True)


def test_the_original_wins_over_another_translation():
    action = ActionFactory(title_en="Desk", title_es="Mesa", original_language="es")
    with translation.override("fr"):
        assert action.t.title.text == "Mesa"


def test_an_empty_field_stays_empty_without_fallback_label():
    action = ActionFactory(goals_en="")
    with translation.override("es"):
        goals = action.t.goals
    assert not goals
    assert goals.is_fallback is False


def test_reference_data_is_read_in_the_interface_language():
    objective = GCMObjective.objects.get(number=16)
    with translation.override("es"):
        assert str(objective).startswith("16. ")
        assert objective.t.title.language == "es"
        assert objective.t.title.text != objective.title_en
