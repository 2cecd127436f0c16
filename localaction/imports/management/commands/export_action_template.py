"""manage.py export_action_template PUBLIC_ID [--language fr] [--output FILE]: an action in the offline
template (the same workbook its owners download), e.g. to send it to a focal point by e-mail."""
from django.core.management.base import BaseCommand, CommandError

from localaction.actions.models import Action
from localaction.imports import template


class Command(BaseCommand):
    help = "Write an action into the offline XLSX template."

    def add_arguments(self, parser):
        parser.add_argument("public_id")
        parser.add_argument("--language", default="en", choices=["en", "fr", "es"])
        parser.add_argument("--output", help="File to write (default: action-<public id>.xlsx).")

    def handle(self, *args, public_id, language, output, **options):
        action = Action.objects.select_related("government").filter(public_id=public_id).first()
        if action is None:
            raise CommandError(f"No action has the identifier {public_id}.")
        path = output or f"action-{public_id}.xlsx"
        with open(path, "wb") as handle:
            handle.write(template.build(action.government, action=action, language=language))
        self.stdout.write(f"written {path}")
