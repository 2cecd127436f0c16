"""Reading what real spreadsheets contain: objectives written "7, 16", "Obj. 7 / 16" or by their titles in any
of our languages, countries by name or ISO code, dates in common formats, yes/no in three languages, amounts
written the French or the English way.

Each normaliser returns the clean value or raises `Invalid` with a message that says what was wrong, in the
reader's language. Look-ups (`Lookups`) are read once per file, never per row.
"""
import functools
import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

import pycountry
from django.utils import translation
from django.utils.translation import gettext as _

from localaction.actions.models import Action
from localaction.campaigns.models import Campaign
from localaction.core.translation import LANGUAGE_CODES
from localaction.taxonomy.models import SDG, Country, GCMObjective, GCRArea, GCRObjective, Term, Vocabulary


class Invalid(ValueError):
    """A cell that cannot be read; str() is the reason, translated."""


@functools.lru_cache(maxsize=65536)
def _fold(text):
    text = unicodedata.normalize("NFKD", text).casefold()
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def fold(text):
    """Case, accents and spacing folded away: "  Bogotá D.C." and "bogota d.c." compare equal. (Cached: a file
    repeats the same countries, kinds and objectives on every row.)"""
    return _fold(str(text))


def cell_text(value):
    """A cell as text: numbers without a trailing ".0", dates as ISO, None as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def labels_in_all_languages(choices):
    """{value: [label in en, fr, es]} for a TextChoices class, from the interface catalogs."""
    labels = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            for value, label in choices.choices:
                labels.setdefault(value, []).append(str(label))
    return labels


# ---------------------------------------------------------------- single values

YES = {"yes", "y", "oui", "o", "si", "s", "true", "vrai", "verdadero", "1", "x", "✓", "✔", "ok"}
NO = {"no", "n", "non", "false", "faux", "falso", "0", "-", "—"}


def boolean(value):
    if isinstance(value, bool):
        return value
    text = fold(cell_text(value))
    if text in YES:
        return True
    if text in NO or text == "":
        return False
    raise Invalid(_("“%(value)s” is neither yes nor no.") % {"value": cell_text(value)})


KIND_ALIASES = {
    Action.Kind.PRACTICE: ["practice", "good practice", "pratique", "bonne pratique", "practica", "buena practica"],
    Action.Kind.PLEDGE: ["pledge", "commitment", "engagement", "promesse", "compromiso", "promesa"],
}
STAGE_ALIASES = {
    Action.Stage.PLANNING: ["planning", "planned", "planification", "planifie", "planificacion", "planificado"],
    Action.Stage.IN_PROGRESS: ["in progress", "ongoing", "en cours", "en curso", "en marcha", "en progreso"],
    Action.Stage.FULFILLED: ["fulfilled", "completed", "done", "realise", "accompli", "cumplido", "realizado", "completado"],
    Action.Stage.DISCONTINUED: ["discontinued", "abandoned", "abandonne", "interrompu", "interrumpido", "abandonado"],
}
LANGUAGE_ALIASES = {
    "en": ["en", "eng", "english", "anglais", "ingles"],
    "fr": ["fr", "fra", "fre", "french", "francais", "frances"],
    "es": ["es", "spa", "spanish", "espagnol", "espanol", "castellano"],
}


def _choice_table(choices, aliases):
    table = {}
    for value, labels in labels_in_all_languages(choices).items():
        for label in [value, *labels, *aliases.get(value, [])]:
            table[fold(label)] = value
    return table


class Choice:
    """One value from a fixed list, named by its key or its label in any of our languages."""

    def __init__(self, table, message):
        self.table, self.message = table, message

    def __call__(self, value):
        text = fold(cell_text(value))
        if not text:
            return ""
        if text in self.table:
            return self.table[text]
        raise Invalid(self.message % {"value": cell_text(value)})


def date_value(value):
    """A date from a spreadsheet date, an ISO date, day-first numeric dates ("31/12/2024", "31.12.2024"), month
    names in en/fr/es ("1 March 2024", "1er mars 2024", "1 de marzo de 2024") or an Excel serial number."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and 20000 < value < 80000:
        return date(1899, 12, 30) + timedelta(days=int(value))
    text = fold(cell_text(value))
    if not text:
        return None
    try:
        return _parse_date(text)
    except (ValueError, OverflowError):
        raise Invalid(_("“%(value)s” is not a date (write it as 2024-12-31 or 31/12/2024).") % {"value": cell_text(value)}) from None


MONTHS = {}
for _number, _names in enumerate([
    "january janvier enero jan ene", "february fevrier febrero feb fev fevr", "march mars marzo mar",
    "april avril abril apr avr abr", "may mai mayo", "june juin junio jun", "july juillet julio jul juil",
    "august aout agosto aug ago", "september septembre septiembre setiembre sep sept", "october octobre octubre oct",
    "november novembre noviembre nov", "december decembre diciembre dec dic",
], start=1):
    for _name in _names.split():
        MONTHS[_name] = _number


def _parse_date(text):
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?", text):
        year, month, day = (int(part) for part in text.split()[0].split("-"))
        return date(year, month, day)
    match = re.fullmatch(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})", text)
    if match:
        return date(*(int(part) for part in match.groups()))
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", text)
    if match:
        first, second, year = (int(part) for part in match.groups())
        year += 2000 if year < 100 else 0
        # Day first, as in most of the world and in French and Spanish; a first number that cannot be a day's
        # month-mate (second > 12) means an American month-first date.
        day, month = (second, first) if second > 12 else (first, second)
        return date(year, month, day)
    words = re.findall(r"[a-z]+|\d+", text.replace("1er", "1"))
    words = [word for word in words if word not in ("de", "del", "of", "the", "le")]
    if len(words) == 3:
        if words[0].isdigit() and words[1] in MONTHS and words[2].isdigit():  # 1 March 2024
            return date(int(words[2]), MONTHS[words[1]], int(words[0]))
        if words[0] in MONTHS and words[1].isdigit() and words[2].isdigit():  # March 1 2024
            return date(int(words[2]), MONTHS[words[0]], int(words[1]))
    raise ValueError(text)


def decimal_value(value):
    """An amount: 1234.5, "1 234,50", "1.234.567,89", "USD 12,000", "€ 5 000"."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        number = Decimal(str(value))
    else:
        text = re.sub(r"[^\d,.\-]", "", cell_text(value).replace("\u202f", "").replace("\xa0", ""))
        if not text:
            if not cell_text(value):
                return None
            raise Invalid(_("“%(value)s” is not an amount.") % {"value": cell_text(value)})
        if "," in text and "." in text:
            decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        elif text.count(",") == 1 and not re.search(r",\d{3}$", text):
            decimal_mark = ","
        elif text.count(".") == 1 and not re.search(r"\.\d{3}$", text):
            decimal_mark = "."
        elif text.count(".") == 1 and text.count(",") == 0 and re.fullmatch(r"0\.\d{3}", text):
            decimal_mark = "."
        else:
            decimal_mark = ""
        thousands = {",": ".", ".": ",", "": ",."}[decimal_mark]
        for mark in thousands:
            text = text.replace(mark, "")
        text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise Invalid(_("“%(value)s” is not an amount.") % {"value": cell_text(value)}) from None
    if number < 0:
        raise Invalid(_("An amount cannot be negative."))
    if number >= Decimal(10) ** 14:
        raise Invalid(_("“%(value)s” is too large.") % {"value": cell_text(value)})
    return number.quantize(Decimal("0.01"))


CURRENCY_SIGNS = {"€": "EUR", "$": "USD", "us$": "USD", "£": "GBP", "¥": "JPY", "fcfa": "XOF", "cfa": "XOF"}


def currency(value):
    text = cell_text(value).strip()
    if not text:
        return ""
    code = CURRENCY_SIGNS.get(text.casefold(), text.upper())
    if pycountry.currencies.get(alpha_3=code) is None:
        raise Invalid(_("“%(code)s” is not an ISO 4217 currency code (such as USD or EUR).") % {"code": text})
    return code


# ---------------------------------------------------------------- lists of references

SEPARATORS = re.compile(r"[,;/|\n+&]| and | et | y ")
# Words people put before numbers: "Obj. 7", "GCM 7", "Objetivo n° 7", "SDG #5", "ODD 5".
NOISE = re.compile(
    r"\b(gcm|gcr|pmm|pmr|sdgs?|odds?|ods|objectives?|objectifs?|objetivos?|obj|goals?|areas?|n|no|nr|num|numero|number)\b"
    r"|[#°º.:()\[\]]"
)


class Many:
    """Several references in one cell, by number, key or label in any language. `options` is a list of
    (value, number or None, [labels])."""

    def __init__(self, options, name):
        self.name = name
        self.numbers = {number: value for value, number, _labels in options if number is not None}
        self.labels = {}
        for value, _number, labels in options:
            for label in labels:
                if label:
                    self.labels.setdefault(fold(label), value)
        # Long labels are searched for inside the cell first: titles may contain commas or "and".
        self.long_labels = sorted((label for label in self.labels if len(label) >= 12), key=len, reverse=True)

    def __call__(self, value):
        text = fold(cell_text(value).replace("\n", ";"))
        found, unknown = [], []
        for label in self.long_labels:
            if label in text:
                found.append(self.labels[label])
                text = text.replace(label, " ; ")
        for piece in SEPARATORS.split(f" {text} "):
            piece = piece.strip(" -–")
            if not piece:
                continue
            if piece in self.labels:
                found.append(self.labels[piece])
                continue
            bare = " ".join(NOISE.sub(" ", piece).split())
            numbers = bare.split()
            if numbers and all(number.isdigit() and int(number) in self.numbers for number in numbers):
                found += [self.numbers[int(number)] for number in numbers]  # "7 16"
            elif bare in self.labels:
                found.append(self.labels[bare])
            elif re.fullmatch(r"\d+ .+", bare) and bare.split()[0].isdigit() and int(bare.split()[0]) in self.numbers:
                found.append(self.numbers[int(bare.split()[0])])  # "7 vulnerabilities": the number decides
            elif bare:
                unknown.append(piece)
        if unknown:
            raise Invalid(_("Not recognised as %(name)s: %(values)s.") % {
                "name": self.name, "values": ", ".join(f"“{piece}”" for piece in unknown)
            })
        return sorted(set(found))


class Lookups:
    """Every list a file's rows are checked against, read once: objectives, areas, SDGs, terms, countries,
    campaigns, and the normalisers built on them."""

    def __init__(self):
        self.kind = Choice(_choice_table(Action.Kind, KIND_ALIASES), _("“%(value)s” is neither a practice nor a pledge."))
        self.stage = Choice(_choice_table(Action.Stage, STAGE_ALIASES), _("“%(value)s” is not a stage (planning, in progress, fulfilled, discontinued)."))
        self.language = Choice(
            {fold(alias): code for code, aliases in LANGUAGE_ALIASES.items() for alias in aliases if code in LANGUAGE_CODES},
            _("“%(value)s” is not one of the languages English, French or Spanish."),
        )
        self.gcm_objectives = Many([
            (o.number, o.number, [o.title_en, o.title_fr, o.title_es, o.short_label_en, o.short_label_fr, o.short_label_es])
            for o in GCMObjective.objects.all()
        ], _("GCM objectives (1 to 23)"))
        self.gcr_objectives = Many([
            (o.number, o.number, [o.key, o.text_en, o.text_fr, o.text_es]) for o in GCRObjective.objects.all()
        ], _("GCR objectives (1 to 4)"))
        self.gcr_areas = Many([
            (a.key, None, [a.key, a.name_en, a.name_fr, a.name_es]) for a in GCRArea.objects.all()
        ], _("GCR areas of focus"))
        self.sdgs = Many([
            (s.number, s.number, [s.short_title_en, s.short_title_fr, s.short_title_es, s.title_en, s.title_fr, s.title_es])
            for s in SDG.objects.all()
        ], _("Sustainable Development Goals (1 to 17)"))
        self.vocabularies = {}
        for vocabulary in Vocabulary.objects.all():
            terms = Term.objects.filter(vocabulary=vocabulary, is_active=True)
            self.vocabularies[vocabulary.key] = Many(
                [(t.pk, None, [t.key, t.name_en, t.name_fr, t.name_es]) for t in terms], str(vocabulary)
            )
        self.countries = {}
        for country in Country.objects.all():
            for name in (country.code, country.iso3, country.name_en, country.name_fr, country.name_es):
                self.countries.setdefault(fold(name), country.code)
        self.campaigns = {}
        for campaign in Campaign.objects.all():
            for name in (campaign.slug, campaign.name_en, campaign.name_fr, campaign.name_es):
                if name:
                    self.campaigns.setdefault(fold(name), campaign.pk)

    def country(self, value):
        text = fold(cell_text(value))
        if not text:
            return None
        if text in self.countries:
            return self.countries[text]
        try:
            found = pycountry.countries.lookup(cell_text(value))
        except LookupError:
            found = None
        if found is not None and fold(found.alpha_2) in self.countries:
            return self.countries[fold(found.alpha_2)]
        raise Invalid(_("“%(value)s” is not a country (write its name in English, French or Spanish, or its ISO code).")
                      % {"value": cell_text(value)})

    def campaign(self, value):
        text = fold(cell_text(value))
        if not text:
            return None
        if text in self.campaigns:
            return self.campaigns[text]
        raise Invalid(_("“%(value)s” is not a campaign.") % {"value": cell_text(value)})

