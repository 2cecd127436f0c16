"""The reference lists, keyed as the catalog's parameters are."""
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def everything(client, name, **params):
    results, url, query = [], reverse(name), {"page_size": 100, **params}
    while url:
        answer = client.get(url, query).json()
        results += answer["results"]
        url, query = answer["next"], None
    return results


@pytest.mark.parametrize("name, key, count", [
    ("api:gcm-objective-list", "number", 23), ("api:gcr-objective-list", "number", 4), ("api:sdg-list", "number", 17),
    ("api:guiding-principle-list", "key", 10), ("api:gcr-area-list", "key", 6),
])
def test_each_list_holds_every_item_keyed_as_the_catalog_filters(client, db, name, key, count):
    results = everything(client, name)

    assert len(results) == count
    assert [item[key] for item in results] == sorted(item[key] for item in results)


def test_the_keys_are_the_values_the_catalog_accepts(client, read_data):
    for name, parameter, key in [("api:gcm-objective-list", "gcm", "number"), ("api:region-list", "region", "code"),
                                 ("api:gcr-area-list", "gcr_area", "key"), ("api:sdg-list", "sdg", "number")]:
        for item in everything(client, name)[:5]:
            assert client.get(reverse("api:action-list"), {parameter: item[key]}).status_code == 200


def test_countries_and_regions_page_through_the_whole_list(client, db):
    countries = everything(client, "api:country-list")

    assert len(countries) > 200
    assert {"code": "SN", "iso3": "SEN", "region": "002", "subregion": "011"}.items() <= next(
        c for c in countries if c["code"] == "SN").items()
    assert any(region["parent"] is None for region in everything(client, "api:region-list"))


def test_vocabularies_list_their_terms(client, db):
    vocabularies = {v["key"]: v for v in everything(client, "api:vocabulary-list")}

    assert {"themes", "target_groups"} <= set(vocabularies)
    assert "refugees" in [term["key"] for term in vocabularies["target_groups"]["terms"]]
