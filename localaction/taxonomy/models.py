"""Reference data: UN M49 regions, ISO 3166 countries, the Compacts' objectives and areas, the SDGs, and
editable vocabularies (themes, target groups, pledge types, and any later one such as priorities).

Loaded by data migrations from the copies in taxonomy/data/ (sources in taxonomy/data/SOURCES.md).
"""
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from localaction.core.translation import TranslatableMixin


class Region(TranslatableMixin, models.Model):
    """A UN M49 region (Africa, Americas…) or sub-region (Eastern Africa, Caribbean…)."""

    code = models.CharField(_("M49 code"), max_length=3, primary_key=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="subregions"
    )
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_es = models.CharField(_("name (Spanish)"), max_length=100)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return str(self.t.name)


class IncomeGroup(models.TextChoices):
    """World Bank income groups. The classification itself is not shipped (it changes every July): an
    administrator records a country's group, and rounds of the Fund restricted to some groups read it."""

    LOW = "low", _("Low income")
    LOWER_MIDDLE = "lower_middle", _("Lower-middle income")
    UPPER_MIDDLE = "upper_middle", _("Upper-middle income")
    HIGH = "high", _("High income")


class Country(TranslatableMixin, models.Model):
    """An ISO 3166-1 country or territory with its M49 region and sub-region."""

    code = models.CharField(_("ISO 3166 alpha-2 code"), max_length=2, primary_key=True)
    iso3 = models.CharField(_("ISO 3166 alpha-3 code"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO 3166 numeric code"), max_length=3)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_fr = models.CharField(_("name (French)"), max_length=100)
    name_es = models.CharField(_("name (Spanish)"), max_length=100)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.PROTECT, related_name="countries"
    )
    subregion = models.ForeignKey(
        Region, verbose_name=_("sub-region"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    income_group = models.CharField(
        _("income group"), max_length=12, choices=IncomeGroup.choices, blank=True, default="",
        help_text=_("World Bank classification, recorded by an administrator; empty when not known."),
    )

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return str(self.t.name)


class GCMObjective(TranslatableMixin, models.Model):
    """One of the 23 objectives of the Global Compact for Safe, Orderly and Regular Migration."""

    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)
    title_en = models.TextField(_("title (English)"))
    title_fr = models.TextField(_("title (French)"))
    title_es = models.TextField(_("title (Spanish)"))
    short_label_en = models.CharField(_("short label (English)"), max_length=120)
    short_label_fr = models.CharField(_("short label (French)"), max_length=120)
    short_label_es = models.CharField(_("short label (Spanish)"), max_length=120)
    verified = models.JSONField(_("wording verified against an official source"), default=dict, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")

    def __str__(self):
        return f"{self.number}. {self.t.short_label}"

    def get_absolute_url(self):
        return reverse("taxonomy:gcm_objective", args=[self.number])


class GuidingPrinciple(TranslatableMixin, models.Model):
    """One of the GCM's ten cross-cutting guiding principles (A/RES/73/195, para. 15)."""

    key = models.SlugField(_("key"), max_length=60, primary_key=True)
    paragraph = models.CharField(_("paragraph"), max_length=10)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_es = models.CharField(_("name (Spanish)"), max_length=120)
    verified = models.JSONField(_("wording verified against an official source"), default=dict, blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("GCM guiding principle")
        verbose_name_plural = _("GCM guiding principles")

    def __str__(self):
        return str(self.t.name)


class GCRObjective(TranslatableMixin, models.Model):
    """One of the four objectives of the Global Compact on Refugees (A/73/12 (Part II), para. 7)."""

    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)
    key = models.SlugField(_("key"), max_length=60, unique=True)
    text_en = models.CharField(_("text (English)"), max_length=200)
    text_fr = models.CharField(_("text (French)"), max_length=200)
    text_es = models.CharField(_("text (Spanish)"), max_length=200)
    verified = models.JSONField(_("wording verified against an official source"), default=dict, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCR objective")
        verbose_name_plural = _("GCR objectives")

    def __str__(self):
        return f"{self.number}. {self.t.text}"

    def get_absolute_url(self):
        return reverse("taxonomy:gcr_objective", args=[self.number])


class GCRArea(TranslatableMixin, models.Model):
    """An area of focus of the Global Refugee Forum (the six of 2019) used to classify refugee pledges."""

    key = models.SlugField(_("key"), max_length=60, primary_key=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200)
    name_es = models.CharField(_("name (Spanish)"), max_length=200)
    verified = models.JSONField(_("wording verified against an official source"), default=dict, blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("GCR area of focus")
        verbose_name_plural = _("GCR areas of focus")

    def __str__(self):
        return str(self.t.name)

    def get_absolute_url(self):
        return reverse("taxonomy:gcr_area", args=[self.key])


class SDG(TranslatableMixin, models.Model):
    """One of the 17 Sustainable Development Goals."""

    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)
    short_title_en = models.CharField(_("short title (English)"), max_length=120)
    short_title_fr = models.CharField(_("short title (French)"), max_length=120)
    short_title_es = models.CharField(_("short title (Spanish)"), max_length=120)
    title_en = models.TextField(_("title (English)"))
    title_fr = models.TextField(_("title (French)"))
    title_es = models.TextField(_("title (Spanish)"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")

    def __str__(self):
        return f"{self.number}. {self.t.short_title}"

    def get_absolute_url(self):
        return reverse("taxonomy:sdg", args=[self.number])


class Vocabulary(TranslatableMixin, models.Model):
    """A reviewer-editable list of terms (themes, target groups, pledge types…).

    A new vocabulary added in the admin appears on action forms and filters without code changes.
    """

    THEMES = "themes"
    TARGET_GROUPS = "target_groups"
    GCM_PLEDGE_TYPES = "gcm_pledge_types"
    GCR_CONTRIBUTION_TYPES = "gcr_contribution_types"

    key = models.SlugField(_("key"), max_length=60, primary_key=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=120, blank=True)
    source = models.TextField(_("source"), blank=True)

    class Meta:
        ordering = ["position", "key"]
        verbose_name = _("vocabulary")
        verbose_name_plural = _("vocabularies")

    def __str__(self):
        return str(self.t.name)


class Term(TranslatableMixin, models.Model):
    """One entry of a vocabulary, e.g. the theme "Health" or the target group "Refugees"."""

    vocabulary = models.ForeignKey(Vocabulary, verbose_name=_("vocabulary"), on_delete=models.PROTECT, related_name="terms")
    key = models.SlugField(_("key"), max_length=60)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)
    is_active = models.BooleanField(_("offered on forms"), default=True)

    class Meta:
        ordering = ["vocabulary", "position", "key"]
        constraints = [models.UniqueConstraint(fields=["vocabulary", "key"], name="term_unique_key_per_vocabulary")]
        verbose_name = _("term")
        verbose_name_plural = _("terms")

    def __str__(self):
        return str(self.t.name)
