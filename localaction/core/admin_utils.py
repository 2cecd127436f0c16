"""Admin helpers shared by the apps: translated columns side by side."""
from localaction.core.translation import translated_field_names


def side_by_side(*fields):
    """Fieldset rows that put each field's en/fr/es columns on one line."""
    return tuple(tuple(translated_field_names(field)) for field in fields)
