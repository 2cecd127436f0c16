"""Password rules: at least 12 characters, not common, not only digits, not like the name or address."""
import pytest
from django.urls import reverse

from localaction.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {"email": "amina@example.org", "full_name": "Aminata Diallo", "language": "en"}


@pytest.mark.parametrize("password, explanation", [
    ("short pass1", "at least 12 characters"),
    ("123456789012345", "entirely numeric"),
    ("password1234", "too common"),
    ("amina@example.org", "too similar"),
])
def test_sign_up_explains_each_rule_next_to_the_field(client, password, explanation):
    response = client.post(reverse("accounts:signup"), {**SIGNUP, "password1": password, "password2": password})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_password2_error"' in page and explanation in page


def test_changing_the_password_applies_the_same_rules(client):
    user = UserFactory(email="focal@example.org")
    client.force_login(user)
    url = reverse("accounts:password_change")
    response = client.post(url, {"old_password": PASSWORD, "new_password1": "eleven char", "new_password2": "eleven char"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_new_password2_error"' in page and "at least 12 characters" in page
    response = client.post(url, {"old_password": PASSWORD, "new_password1": "twelve chars ok!", "new_password2": "twelve chars ok!"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("twelve chars ok!")
