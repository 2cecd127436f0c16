"""Local and regional governments (LRGs) and the people who act for them."""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class GovernmentQuerySet(models.QuerySet):
    def public(self):
        """Governments shown to the public: verified ones."""
        return self.filter(verified=True)


class Government(models.Model):
    """A city, metropolitan area, province or region, or an association of them."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality or city")
        METROPOLITAN = "metropolitan", _("Metropolitan area")
        REGION = "region", _("Province, region or state")
        ASSOCIATION = "association", _("Association of governments")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, help_text=_("Part of the public address; never changes."))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MUNICIPALITY)
    country = models.ForeignKey("taxonomy.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="governments")
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    verified = models.BooleanField(_("verified"), default=False, help_text=_("Only verified governments can publish."))
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership", related_name="governments")

    objects = GovernmentQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("government")
        verbose_name_plural = _("governments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True) | models.Q(latitude__gte=-90, latitude__lte=90),
                name="government_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True) | models.Q(longitude__gte=-180, longitude__lte=180),
                name="government_longitude_range",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("governments:detail", args=[self.slug])

    @property
    def region(self):
        """The UN M49 region, derived from the country so it can never disagree with it."""
        return self.country.region


class Membership(models.Model):
    """A user's role in a government. Focal points manage members; editors write actions."""

    class Role(models.TextChoices):
        FOCAL_POINT = "focal_point", _("Focal point")
        EDITOR = "editor", _("Editor")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships")
    government = models.ForeignKey(Government, verbose_name=_("government"), on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "government"], name="membership_unique_user_government")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} — {self.government} ({self.get_role_display()})"


class GovernmentRequest(models.Model):
    """A user's request to register a new government or to join an existing one, verified by a reviewer.

    A registration creates the government at once (unverified), so its first focal point can prepare drafts;
    nothing it writes can be published until a reviewer approves the request.
    """

    class Kind(models.TextChoices):
        REGISTER = "register", _("Register a new government")
        JOIN = "join", _("Join a government")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for verification")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="government_requests")
    government = models.ForeignKey(Government, verbose_name=_("government"), on_delete=models.CASCADE, related_name="requests")
    kind = models.CharField(_("request"), max_length=10, choices=Kind.choices)
    role = models.CharField(_("role asked for"), max_length=20, choices=Membership.Role.choices, default=Membership.Role.EDITOR)
    position = models.CharField(_("your position"), max_length=200, help_text=_("E.g. Head of the migrant inclusion office."))
    message = models.TextField(_("message to the reviewers"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("government request")
        verbose_name_plural = _("government requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "government"], condition=models.Q(status="pending"), name="one_pending_request_per_user_government"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.government} ({self.user})"


class Invitation(models.Model):
    """A focal point's invitation to a colleague: a single-use link that expires. Only a hash of the token is kept."""

    government = models.ForeignKey(Government, verbose_name=_("government"), on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices, default=Membership.Role.EDITOR)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.government}"
