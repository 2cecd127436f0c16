"""The column mapping is documented, and the shipped vocabularies are the research's."""
from pathlib import Path

from django.conf import settings

from ..handover.recipients import RECIPIENTS
from ..handover.vocabulary import DATA

DOCS = Path(settings.BASE_DIR) / "docs" / "handover-mapping.md"


def test_every_column_of_every_recipient_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    for recipient in RECIPIENTS.values():
        section = text.split(f"`{recipient.sheet}`", 1)[1].split("\n### ", 1)[0]
        missing = [column.key for column in recipient.columns if f"| `{column.key}` | {column.header} |" not in section]
        assert not missing, f"document these {recipient.sheet} columns in docs/handover-mapping.md: {missing}"


def test_the_shipped_vocabularies_are_the_taxonomys_copies():
    taxonomy = Path(settings.BASE_DIR) / "localaction" / "taxonomy" / "data"
    for name in ("gcm_pledge_vocabulary.json", "gcr_pledge_stages.json"):
        assert (DATA / name).read_bytes() == (taxonomy / name).read_bytes(), name
