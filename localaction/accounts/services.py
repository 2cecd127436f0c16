"""Account changes that are not Django's own (sign-in and passwords are handled by django.contrib.auth): sign-up,
second-factor devices, and the deletion of an account."""
from collections import namedtuple

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from localaction.activity.services import record

from .models import User

BACKUP_CODE_COUNT = 10
Relation = namedtuple("Relation", "model name")


@transaction.atomic
def sign_up(email, full_name, language, password):
    """Create an account for a person who signed up on the public site, and record it."""
    user = User.objects.create_user(email=email, password=password, full_name=full_name, language=language)
    record(user, "account.created", user, language=language)
    return user


# ------------------------------------------------------------------------------------------------- second factor


def requires_two_factor(user):
    """Staff, superusers and holders of the roles in LOCALACTION_TWO_FACTOR_ROLES must confirm each sign-in with a
    second factor. The answer is kept on the user object: the middleware asks on every back-office request."""
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_requires_two_factor"):
        user._requires_two_factor = bool(
            user.is_staff or user.is_superuser
            or user.groups.filter(name__in=settings.LOCALACTION_TWO_FACTOR_ROLES).exists()
        )
    return user._requires_two_factor


def confirmed_authenticator(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_authenticator(user):
    """The authenticator being set up (not yet confirmed by a code), created on first visit so that the QR code
    stays the same when the page is reloaded."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=gettext("Authenticator app"), confirmed=False)


@transaction.atomic
def confirm_authenticator(user, device, code):
    """Confirm a pending authenticator with a code it shows; replace any earlier device and return fresh backup
    codes (shown once). Returns None when the code is wrong."""
    if device.user_id != user.pk or device.confirmed or not device.verify_token(code):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = new_backup_codes(user)
    record(user, "account.two_factor_enabled", user)
    return codes


@transaction.atomic
def new_backup_codes(user):
    """Replace the user's backup codes with BACKUP_CODE_COUNT new single-use ones and return them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=gettext("Backup codes"), confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user).count()


@transaction.atomic
def disable_two_factor(user):
    """Remove every second-factor device; refused to those who must use one."""
    if requires_two_factor(user):
        raise PermissionDenied
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    record(user, "account.two_factor_disabled", user)


# ------------------------------------------------------------------------------------------------------ deletion


def governments_left_without_focal_point(user):
    """The governments of which `user` is the only focal point: they must hand over before leaving."""
    from localaction.governments.models import Membership

    led = Membership.objects.filter(user=user, role=Membership.Role.FOCAL_POINT).select_related("government")
    return [
        membership.government for membership in led
        if not Membership.objects.filter(government=membership.government, role=Membership.Role.FOCAL_POINT)
        .exclude(user=user).filter(user__is_active=True).exists()
    ]


@transaction.atomic
def delete_account(user):
    """Empty the account of personal data and close it for good. The row stays, shown as "Deleted user #id", so
    that the activity log and the work the person did keep an author. Memberships, devices, API tokens and
    notifications go; changing the password hash ends every session on every device."""
    from localaction.governments.models import Membership

    if governments_left_without_focal_point(user):
        raise PermissionDenied
    record(user, "account.deleted", user)
    Membership.objects.filter(user=user).delete()
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    for related in personal_relations():
        if related.model._meta.label in DELETED_WITH_THE_ACCOUNT:
            related.model._default_manager.filter(**{related.name: user}).delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.email = f"deleted-{user.pk}@deleted.invalid"
    user.full_name = ""
    user.first_name = user.last_name = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.deleted_at = timezone.now()
    user.set_unusable_password()
    user.save()
    return user


# Records that only matter to the person and go with the account (everything else keeps "Deleted user #id").
DELETED_WITH_THE_ACCOUNT = {"api.ApiToken", "notifications.Notification"}


def personal_relations():
    """Every foreign key (or one-to-one) from any installed model to the user model, found at run time so that
    the export and the deletion include new apps without anyone remembering to add them."""
    from django.apps import apps

    return [
        Relation(model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is User
    ]
