"""The admin screen, the demo content and the objective pages' "related resources" include."""
import pytest
from django.template import Context, Template
from django.urls import reverse

from localaction.resources import demo
from localaction.resources.models import Resource
from localaction.taxonomy.models import GCMObjective, GCRArea

from .factories import ResourceFactory

pytestmark = pytest.mark.django_db


def test_the_admin_adds_a_resource_through_the_same_checks(client_for, personas):
    client = client_for("admin")
    assert client.get(reverse("admin:resources_resource_add")).status_code == 200
    response = client.post(reverse("admin:resources_resource_add"), {
        "title_en": "Admin guide", "type": "guide", "language": "en", "year": "2024", "url": "http://example.org/x",
    })
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    response = client.post(reverse("admin:resources_resource_add"), {
        "title_en": "Admin guide", "type": "guide", "language": "en", "year": "2024", "url": "https://example.org/x",
    })
    assert response.status_code == 302
    assert Resource.objects.get().created_by == personas.admin


def test_the_demo_adds_eight_resources_that_say_they_are_demo_content_once():
    writes = []
    demo.seed(writes.append)
    demo.seed(writes.append)
    resources = Resource.objects.all()
    assert resources.count() == 8 and len(writes) == 1
    assert all("Demo content" in resource.summary_en for resource in resources)
    assert all(resource.url.startswith("https://example.org/demo/") for resource in resources if resource.url)
    assert resources.filter(url="").count() == 1
    assert {resource.type for resource in resources} >= {"report", "guide", "course", "recording", "toolkit"}


def test_related_resources_lists_published_resources_of_an_objective():
    ResourceFactory(title_en="About sixteen", gcm_objectives=[16])
    ResourceFactory(title_en="Hidden sixteen", gcm_objectives=[16], is_published=False)
    ResourceFactory(title_en="About fifteen", gcm_objectives=[15])
    html = Template("{% load resources %}{% related_resources objective %}").render(
        Context({"objective": GCMObjective.objects.get(number=16)})
    )
    assert "About sixteen" in html
    assert "Hidden sixteen" not in html and "About fifteen" not in html


def test_related_resources_shows_nothing_for_terms_resources_are_not_mapped_to():
    ResourceFactory(title_en="Anything")
    html = Template("{% load resources %}{% related_resources objective %}").render(
        Context({"objective": GCRArea.objects.first()})
    )
    assert html.strip() == ""
