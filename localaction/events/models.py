"""Events of the Call (such as its launch at an IMRF side event): when and where they happen, how to follow them,
and their agenda of time slots with speakers. Times are stored in UTC; each event keeps the IANA time zone it
happens in, and its pages show times in that zone."""
import re
import uuid
import zoneinfo
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from localaction.core.translation import TranslatableMixin

# Languages an event may be interpreted into: the UN's six, Portuguese, and International Sign.
INTERPRETATION_LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("zh", _("Chinese")),
    ("ru", _("Russian")),
    ("pt", _("Portuguese")),
    ("ils", _("International Sign")),
]
HASHTAG = re.compile(r"^\w{1,60}$")
MAX_HASHTAGS = 10


@lru_cache(maxsize=1)
def time_zone_names():
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value):
    if value not in time_zone_names():
        raise ValidationError(_("“%(value)s” is not a time zone name, e.g. America/New_York."), params={"value": value})


def validate_interpretation_languages(value):
    known = {code for code, _name in INTERPRETATION_LANGUAGES}
    if not isinstance(value, list) or any(code not in known for code in value):
        raise ValidationError(_("Choose interpretation languages from the list."))


def normalise_hashtags(value):
    """'#IMRF2022, LocalAction #imrf2022' → ['IMRF2022', 'LocalAction']: without '#', first spelling kept,
    duplicates (ignoring case) dropped. Raises ValidationError on a tag that is not letters, digits or '_'."""
    words = value if isinstance(value, list) else re.split(r"[\s,]+", value or "")
    tags, seen = [], set()
    for word in words:
        tag = word.strip().lstrip("#")
        if not tag:
            continue
        if not HASHTAG.match(tag):
            raise ValidationError(
                _("“%(tag)s” is not a hashtag: use letters, digits and _ only (at most 60)."), params={"tag": word}
            )
        if tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    if len(tags) > MAX_HASHTAGS:
        raise ValidationError(_("At most %(count)d hashtags."), params={"count": MAX_HASHTAGS})
    return tags


def validate_hashtags(value):
    if not isinstance(value, list) or normalise_hashtags(value) != value:
        raise ValidationError(_("Hashtags are words of letters, digits and _, without “#”."))


class EventQuerySet(models.QuerySet):
    def published(self):
        """The only queryset public pages read from."""
        return self.filter(is_published=True)

    def upcoming(self, now=None):
        """Not over yet (running now or to come), soonest first."""
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        """Over, most recent first."""
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")


class Event(TranslatableMixin, models.Model):
    """An event of the Call: a meeting in a venue, online or both, with its agenda."""

    uid = models.UUIDField(_("calendar identifier"), default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, help_text=_("Part of the event's address."))
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="UTC", validators=[validate_time_zone],
        help_text=_("Where the event happens, as a time zone name (e.g. America/New_York). Times are entered and "
                    "shown in this zone."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("venue address"), blank=True)
    online = models.BooleanField(_("online"), default=False, help_text=_("People can take part online."))
    livestream_url = models.URLField(
        _("livestream link"), blank=True, validators=[URLValidator(schemes=["https"])],
        help_text=_("An https:// address. It is shown as a link: no video player is embedded."),
    )
    interpretation_languages = models.JSONField(
        _("interpretation languages"), default=list, blank=True, validators=[validate_interpretation_languages]
    )
    hashtags = models.JSONField(_("hashtags"), default=list, blank=True, validators=[validate_hashtags])
    organisers = models.TextField(_("organisers"), blank=True, help_text=_("One per line."))
    partners = models.TextField(_("partners"), blank=True, help_text=_("One per line."))
    campaigns = models.ManyToManyField(
        "campaigns.Campaign", verbose_name=_("campaigns handed over at this event"), blank=True,
        related_name="events",
        help_text=_("The actions announced at these campaigns are listed on the event's page."),
    )
    is_published = models.BooleanField(_("published"), default=False, help_text=_("Shown to the public."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(condition=models.Q(starts_at__lt=models.F("ends_at")), name="event_time_order"),
        ]

    def __str__(self):
        return str(self.t.title)

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.slug])

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The event must end after it starts.")})

    @property
    def zone(self):
        # A form refused for a bad zone name has already set it on the instance it re-renders: show UTC then.
        return zoneinfo.ZoneInfo(self.time_zone if self.time_zone in time_zone_names() else "UTC")

    @property
    def organiser_list(self):
        return [line.strip() for line in self.organisers.splitlines() if line.strip()]

    @property
    def partner_list(self):
        return [line.strip() for line in self.partners.splitlines() if line.strip()]

    @property
    def calendar_uid(self):
        """The iCalendar UID: stable for the event's whole life, whatever its slug or the site's address."""
        return f"{self.uid}@localaction"


class Slot(TranslatableMixin, models.Model):
    """A time slot of an event's agenda (a panel, a keynote, a break)."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Orders slots that start together."))

    class Meta:
        ordering = ["event", "starts_at", "order", "pk"]
        verbose_name = _("agenda slot")
        verbose_name_plural = _("agenda slots")
        constraints = [
            models.CheckConstraint(condition=models.Q(starts_at__lt=models.F("ends_at")), name="slot_time_order"),
        ]

    def __str__(self):
        return str(self.t.title)

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The slot must end after it starts.")})

    @property
    def calendar_uid(self):
        return f"{self.event.uid}-slot-{self.pk}@localaction"


class Speaker(models.Model):
    """Someone speaking in a slot. Public programme information, as printed on an agenda."""

    class Role(models.TextChoices):
        MODERATOR = "moderator", _("Moderator")
        KEYNOTE = "keynote", _("Keynote speaker")
        PANELLIST = "panellist", _("Panellist")
        SPEAKER = "speaker", _("Speaker")
        RAPPORTEUR = "rapporteur", _("Rapporteur")

    slot = models.ForeignKey(Slot, verbose_name=_("slot"), on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True, help_text=_("Their position, e.g. Mayor."))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.SPEAKER)
    to_be_confirmed = models.BooleanField(_("to be confirmed"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["slot", "order", "pk"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self):
        return self.name


def interpretation_language_name(code):
    return dict(INTERPRETATION_LANGUAGES).get(code, code)

