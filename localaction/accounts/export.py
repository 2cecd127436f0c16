"""Everything the platform holds about a person, as one JSON document (the GDPR right of access).

The records are found through every foreign key to the user model (services.personal_relations), so a new app's
data is included without a change here. Secrets (password hashes, token digests, second-factor keys) are left
out: the export lists which fields each record has, and which were withheld.
"""
import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from .services import personal_relations

SECRET_FIELD = re.compile(r"password|secret|digest|key|token|hash|throttl", re.IGNORECASE)
# The account itself: never the password hash.
PROFILE_FIELDS = ("id", "email", "full_name", "language", "date_joined", "last_login", "is_active")


def exported_fields(model):
    return [field for field in model._meta.concrete_fields if not SECRET_FIELD.search(field.name)]


def withheld_fields(model):
    return [field.name for field in model._meta.concrete_fields if SECRET_FIELD.search(field.name)]


def row(obj, fields):
    return {field.attname: field.value_from_object(obj) for field in fields}


def personal_data(user):
    """A dict: the profile, the roles, and for each model that points to the user the rows that do."""
    records = {}
    for relation in sorted(personal_relations(), key=lambda r: (r.model._meta.label, r.name)):
        model = relation.model
        rows = model._default_manager.filter(**{relation.name: user}).order_by("pk")
        if not rows.exists():
            continue
        fields = exported_fields(model)
        records[f"{model._meta.label} ({relation.name})"] = {
            "description": str(model._meta.verbose_name_plural),
            "fields": [field.attname for field in fields],
            "withheld": withheld_fields(model),
            "items": [row(obj, fields) for obj in rows],
        }
    return {
        "exported_at": timezone.now(),
        "profile": {name: getattr(user, name) for name in PROFILE_FIELDS},
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "records": records,
    }


def as_json(user):
    return json.dumps(personal_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
