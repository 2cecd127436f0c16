"""The fields a bulk import can fill, the column headers each is recognised by (in English, French and Spanish),
and the conversion of one spreadsheet row into an action's values with every error found in it."""
import hashlib
import json
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from localaction.actions.models import Action
from localaction.core.translation import LANGUAGE_CODES
from localaction.taxonomy.models import Vocabulary

from .normalise import Invalid, cell_text, currency, date_value, decimal_value, fold

TEXT_FIELDS = ("title", "summary", "description", "goals")
REFERENCE_FIELDS = ("gcm_objectives", "gcr_objectives", "gcr_areas", "sdgs")
TEXT_LIMITS = {"title": 300}
LANGUAGE_WORDS = {"en": ["english", "anglais", "ingles"], "fr": ["french", "francais", "frances"],
                  "es": ["spanish", "espagnol", "espanol"]}


@dataclass(frozen=True)
class ImportField:
    """A field a column can be mapped to."""

    key: str
    label: str
    aliases: tuple = field(default=())
    required: bool = False


def _translated(base, words):
    """Header aliases of a text field in each language: "title_fr", "title (fr)", "titre fr", "title french"…"""
    fields = []
    for code in LANGUAGE_CODES:
        aliases = [f"{base}_{code}", f"{base} {code}", f"{base} ({code})"]
        for word in words:
            aliases += [f"{word} {code}", f"{word} ({code})", f"{word}_{code}"]
            aliases += [f"{word} {name}" for name in LANGUAGE_WORDS[code]]
            aliases += [f"{word} ({name})" for name in LANGUAGE_WORDS[code]]
        fields.append(ImportField(f"{base}_{code}", f"{base} ({code})", tuple(aliases)))
    return fields


def import_fields():
    """Every field, in the order the mapping page shows them (vocabularies are read from the database)."""
    fields = [
        ImportField("external_id", gettext_lazy("External id (unique per source)"), (
            "id", "external id", "ref", "reference", "identifier", "record id", "identifiant", "reference externe",
            "identificador", "referencia", "id externe", "id externo",
        ), required=True),
        ImportField("government", gettext_lazy("Lead government"), (
            "government", "local government", "lrg", "city", "municipality", "gouvernement", "collectivite",
            "ville", "commune", "gobierno", "gobierno local", "ciudad", "municipio", "lead government",
        ), required=True),
        ImportField("country", gettext_lazy("Country"), ("country", "pays", "pais", "country code", "iso", "code pays"),
                    required=True),
        ImportField("kind", gettext_lazy("Kind (practice or pledge)"), ("kind", "type", "action type", "nature", "tipo")),
        ImportField("stage", gettext_lazy("Stage"), ("stage", "etape", "stade", "etapa", "status of pledge")),
        ImportField("original_language", gettext_lazy("Original language"), (
            "language", "original language", "langue", "langue originale", "idioma", "idioma original", "lengua",
        )),
    ]
    words = {"title": ("title", "titre", "titulo", "name", "nom", "nombre"),
             "summary": ("summary", "resume", "resumen", "abstract"),
             "description": ("description", "descripcion"),
             "goals": ("goals", "objectifs", "objetivos", "aims")}
    for base in TEXT_FIELDS:
        fields.append(ImportField(base, gettext_lazy("%(field)s (in the original language)") % {"field": base}, words[base]))
        fields += _translated(base, words[base])
    fields += [
        ImportField("gcm_objectives", gettext_lazy("GCM objectives"), (
            "gcm", "gcm objectives", "gcm objective", "objectives gcm", "objectifs pmm", "objectifs du pmm", "pmm",
            "objetivos pmm", "objetivos del pmm", "gcm obj",
        )),
        ImportField("gcr_objectives", gettext_lazy("GCR objectives"), (
            "gcr", "gcr objectives", "objectifs pmr", "objectifs du pmr", "pmr", "objetivos pmr", "objetivos del pmr",
        )),
        ImportField("gcr_areas", gettext_lazy("GCR areas of focus"), (
            "gcr areas", "areas of focus", "domaines d'action", "domaines prioritaires", "areas de interes", "areas prioritarias",
        )),
        ImportField("sdgs", gettext_lazy("Sustainable Development Goals"), ("sdg", "sdgs", "odd", "ods")),
    ]
    for vocabulary in Vocabulary.objects.all():
        names = [vocabulary.key, vocabulary.key.replace("_", " "), vocabulary.name_en, vocabulary.name_fr, vocabulary.name_es]
        fields.append(ImportField(f"vocabulary_{vocabulary.key}", str(vocabulary), tuple(n for n in names if n)))
    fields += [
        ImportField("start_date", gettext_lazy("Start date"), ("start", "start date", "debut", "date de debut", "inicio", "fecha de inicio")),
        ImportField("end_date", gettext_lazy("End date"), ("end", "end date", "fin", "date de fin", "fecha de fin", "fecha final")),
        ImportField("budget", gettext_lazy("Budget"), ("budget", "presupuesto", "amount", "montant", "monto")),
        ImportField("currency", gettext_lazy("Currency"), ("currency", "devise", "monnaie", "moneda", "divisa")),
        ImportField("funding_sources", gettext_lazy("Funding sources"), (
            "funding", "funding sources", "sources de financement", "financement", "fuentes de financiacion", "financiacion",
        )),
        ImportField("unmet_funding_need", gettext_lazy("Unmet funding need"), (
            "unmet funding need", "funding gap", "besoin de financement", "besoin de financement non couvert",
            "necesidad de financiacion", "deficit de financiacion",
        )),
        ImportField("partnership_sought", gettext_lazy("Partnership sought"), (
            "partnership sought", "partenariat recherche", "partenariats recherches", "alianza buscada", "socios buscados",
        )),
        ImportField("campaign", gettext_lazy("Campaign"), ("campaign", "campagne", "campana", "cohort", "cohorte")),
    ]
    return fields


def guess_mapping(headers, fields=None):
    """{field key: header} for the headers whose folded text is a known name of a field."""
    fields = fields or import_fields()
    known = {}
    for item in fields:
        for name in (item.key, item.key.replace("_", " "), *item.aliases):
            known.setdefault(fold(name), item.key)
    mapping = {}
    for header in headers:
        key = known.get(fold(str(header).replace("_", " "))) or known.get(fold(header))
        if key and key not in mapping:
            mapping[key] = header
    return mapping


@dataclass
class Row:
    """One spreadsheet row, read: its number in the sheet, the values for the action, the lead government as
    written, and the errors as (column header, reason)."""

    number: int
    external_id: str = ""
    government_name: str = ""
    country: str | None = None
    values: dict = field(default_factory=dict)
    references: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)

    def digest(self):
        """A hash of everything the row says, to recognise an unchanged row on a re-import."""
        payload = [fold(self.government_name), self.country, self.values, self.references]
        return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


class RowReader:
    """Turns the cells of a row into a Row, with the file's mapping and the look-ups read once."""

    def __init__(self, mapping, headers, lookups, default_language="en"):
        self.lookups = lookups
        self.default_language = default_language
        position = {header: index for index, header in enumerate(headers)}
        self.columns = {key: (header, position[header]) for key, header in mapping.items() if header in position}

    def cell(self, cells, key):
        column = self.columns.get(key)
        if column is None or column[1] >= len(cells):
            return None
        return cells[column[1]]

    def header(self, key):
        return self.columns[key][0] if key in self.columns else key

    def read(self, number, cells):
        row = Row(number)
        self._current = cells
        row.external_id = cell_text(self.cell(cells, "external_id"))
        row.government_name = " ".join(cell_text(self.cell(cells, "government")).split())
        if not row.external_id:
            row.errors.append((self.header("external_id"), _("The external id is missing.")))
        elif len(row.external_id) > 200:
            row.errors.append((self.header("external_id"), _("The external id is longer than 200 characters.")))
        if not row.government_name:
            row.errors.append((self.header("government"), _("The lead government is missing.")))
        elif len(row.government_name) > 200:
            row.errors.append((self.header("government"), _("The government’s name is longer than 200 characters.")))
        row.country = self._convert(row, "country", self.lookups.country)
        if row.country is None and not any(h == self.header("country") for h, _m in row.errors):
            row.errors.append((self.header("country"), _("The country is missing.")))
        self._basics(row, cells)
        for key in REFERENCE_FIELDS:
            row.references[key] = self._convert(row, key, getattr(self.lookups, key)) or []
        terms = []
        for vocabulary, reader in self.lookups.vocabularies.items():
            terms += self._convert(row, f"vocabulary_{vocabulary}", reader) or []
        row.references["terms"] = sorted(terms)
        self._money(row)
        return row

    def _convert(self, row, key, function):
        if key not in self.columns:
            return None
        try:
            return function(self.cell(self._current, key))
        except Invalid as error:
            row.errors.append((self.header(key), str(error)))
            return None

    def _basics(self, row, cells):
        values = row.values
        values["kind"] = self._convert(row, "kind", self.lookups.kind) or Action.Kind.PRACTICE
        stage = self._convert(row, "stage", self.lookups.stage) or ""
        if values["kind"] == Action.Kind.PLEDGE:
            values["stage"] = stage or Action.Stage.PLANNING
        else:
            values["stage"] = ""
        texts = {f"{base}_{code}": cell_text(self.cell(cells, f"{base}_{code}")) for base in TEXT_FIELDS for code in LANGUAGE_CODES}
        language = self._convert(row, "original_language", self.lookups.language)
        if not language:
            # No language column: the language whose title is filled in; the file's default when several (or the
            # title column names no language).
            written = [code for code in LANGUAGE_CODES if texts[f"title_{code}"]]
            language = written[0] if len(written) == 1 and not self.cell(cells, "title") else self.default_language
        values["original_language"] = language
        for base in TEXT_FIELDS:
            plain = cell_text(self.cell(cells, base))
            if plain:
                texts[f"{base}_{language}"] = plain
        for name, text in texts.items():
            limit = TEXT_LIMITS.get(name.rsplit("_", 1)[0])
            if limit and len(text) > limit:
                row.errors.append((self.header(name if name in self.columns else "title"),
                                   _("The title is longer than %(limit)s characters.") % {"limit": limit}))
        values.update(texts)
        if not texts[f"title_{language}"]:
            row.errors.append((self.header("title" if "title" in self.columns else f"title_{language}"),
                               _("The title in the original language is missing.")))
        values["translation_status"] = {
            code: Action.TranslationStatus.SUBMITTED.value for code in LANGUAGE_CODES
            if code != language and texts[f"title_{code}"]
        }
        campaign = self._convert(row, "campaign", self.lookups.campaign)
        values["campaign_id"] = campaign

    def _money(self, row):
        values = row.values
        values["start_date"] = self._convert(row, "start_date", date_value)
        values["end_date"] = self._convert(row, "end_date", date_value)
        if values["start_date"] and values["end_date"] and values["end_date"] < values["start_date"]:
            row.errors.append((self.header("end_date"), _("The end date cannot be before the start date.")))
        values["budget"] = self._convert(row, "budget", decimal_value)
        values["unmet_funding_need"] = self._convert(row, "unmet_funding_need", decimal_value)
        values["currency"] = self._convert(row, "currency", currency) or "USD"
        for key in ("funding_sources", "partnership_sought"):
            values[key] = cell_text(self.cell(self._current, key))
