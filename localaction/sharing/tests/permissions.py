"""sharing entries in the permission matrix (see core/tests/matrix.py): images and widgets are public."""
from localaction.actions.models import Action
from localaction.core.tests.matrix import PUBLIC
from localaction.factories import ActionFactory
from localaction.sharing import images


def _government_version(government):
    return images.government_card(government, Action.objects.published().involving(government).count()).version


ENTRIES = {
    "sharing:site_image": (lambda o: [images.site_card().version], PUBLIC),
    "sharing:action_image": (
        lambda o: [o["share_action"].public_id, images.action_card(o["share_action"]).version], PUBLIC
    ),
    "sharing:government_image": (
        lambda o: [o["share_action"].government.slug, _government_version(o["share_action"].government)], PUBLIC
    ),
    "sharing:government_widget": (lambda o: [o["share_action"].government.slug], PUBLIC),
    "sharing:government_snippet": (lambda o: [o["share_action"].government.slug], PUBLIC),
}


def make_objects(personas):
    """A published action of government A, so every image and widget has something to show."""
    return {"share_action": ActionFactory(government=personas.government_a, published=True)}
