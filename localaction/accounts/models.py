"""People who sign in. Platform roles (reviewer, fund manager, evaluator) are Django groups; a person's role in a
government is a Membership (see governments)."""
from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from localaction.core.translation import interface_language_choices


class Roles:
    """Names of the platform-role groups, created by a data migration."""

    REVIEWER = "reviewers"
    FUND_MANAGER = "fund_managers"
    EVALUATOR = "evaluators"
    ALL = (REVIEWER, FUND_MANAGER, EVALUATOR)


class UserManager(BaseUserManager):
    """Users are identified by e-mail address; there is no separate user name."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person with an account: focal point, editor, reviewer, fund manager, evaluator or administrator."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=5, choices=interface_language_choices, default=settings.LANGUAGE_CODE
    )

    # Set when the person deleted their account: the row stays (the activity log points to it), emptied.
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        if self.deleted_at:
            return gettext("Deleted user #%(id)s") % {"id": self.pk}
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def has_role(self, role):
        """True for members of the platform-role group `role` (see Roles); superusers have every role."""
        if not self.is_active:
            return False
        if self.is_superuser:
            return True
        return self.groups.filter(name=role).exists()
