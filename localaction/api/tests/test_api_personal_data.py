"""No personal data of members in any read answer: every read endpoint of the OpenAPI document is walked, every
page and every public object, in one language and in all, over data whose members' e-mail addresses, names and
phone numbers are planted wherever they could leak from (accounts, requests, invitations, reviewers' notes,
endorsements)."""
import json
import re

import pytest
from django.urls import reverse

from .read_data import MEMBER_EMAILS, MEMBER_NAMES, PHONES

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# International numbers as people write them: +33 4 72 10 30 30, +1 (514) 872-0311.
PHONE = re.compile(r"\+\d{1,3}[\s.-]*\(?\d{1,4}\)?[\s.-]*\d{2,4}[\s.-]*\d{2,4}")


def walk(client, url, seen):
    """Every page of `url` (following next links), each answer's text added to `seen`."""
    while url and url not in seen:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content)
        seen[url] = response.content.decode()
        data = response.json()
        url = data.get("next") if isinstance(data, dict) else None


def every_read_answer(client, read_data):
    document = json.loads(client.get(reverse("api:schema"), {"format": "json"}).content)
    examples = {
        "public_id": [action.public_id for action in read_data.public],
        "slug": ["lyon", "dakar", "bogota"],
    }
    urls = []
    for path, item in document["paths"].items():
        if "get" not in item or "{" in path and not re.search(r"\{(public_id|slug)\}", path):
            continue
        if "get" in item and item["get"].get("security") and {} not in item["get"]["security"]:
            continue  # token-only (workspace) endpoints: helper B's tests cover them
        if "{public_id}" in path:
            urls += [path.replace("{public_id}", value) for value in examples["public_id"]]
        elif "{slug}" in path:
            values = ["imrf-2026", "grf-2027"] if path.startswith("/api/v1/campaigns/") else examples["slug"]
            urls += [path.replace("{slug}", value) for value in values]
        else:
            urls.append(path)
    seen = {}
    for url in urls:
        for lang in ("en", "all"):
            walk(client, f"{url}?lang={lang}&page_size=100", seen)
    walk(client, reverse("api:schema") + "?format=json", seen)
    return seen


def test_no_email_address_phone_number_or_member_name_appears_anywhere(client, read_data):
    answers = every_read_answer(client, read_data)

    assert len(answers) > 40
    leaks = []
    for url, text in answers.items():
        for found in EMAIL.findall(text) + PHONE.findall(text):
            leaks.append(f"{url}: {found}")
        for planted in [*MEMBER_EMAILS, *MEMBER_NAMES, *PHONES, "Hidden Signatory", "Rejected Signatory"]:
            if planted in text:
                leaks.append(f"{url}: {planted}")
    assert not leaks, "\n".join(leaks)


def test_the_patterns_would_catch_a_leak():
    assert EMAIL.findall(f'"x": "{MEMBER_EMAILS[0]}"')
    assert all(PHONE.findall(phone) for phone in PHONES)
    assert not PHONE.findall('"published_at": "2026-11-28T17:37:00+00:00", "latitude": 45.764, "population": 522250')
