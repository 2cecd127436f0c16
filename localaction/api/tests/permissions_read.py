"""The API's read endpoints and its documentation page in the permission matrix: public for everyone. The API has
no session authentication, so signed-in personas read it as the public does."""
from localaction.core.tests.matrix import PUBLIC
from localaction.factories import CampaignFactory


def make_objects(personas):
    return {"api_read_campaign": CampaignFactory(slug="api-matrix-campaign")}


def action(objects):
    return [objects["action"].public_id]


ENTRIES = {
    "api:root": (None, PUBLIC),
    "api:schema": (None, PUBLIC),
    "api:action-list": (None, PUBLIC),
    "api:action-detail": (action, PUBLIC),
    "api:progress-update-list": (None, PUBLIC),
    "api:government-list": (None, PUBLIC),
    "api:government-detail": (lambda o: [o["action"].government.slug], PUBLIC),
    "api:endorsement-list": (None, PUBLIC),
    "api:campaign-list": (None, PUBLIC),
    "api:campaign-detail": (lambda o: [o["api_read_campaign"].slug], PUBLIC),
    "api:gcm-objective-list": (None, PUBLIC),
    "api:guiding-principle-list": (None, PUBLIC),
    "api:gcr-objective-list": (None, PUBLIC),
    "api:gcr-area-list": (None, PUBLIC),
    "api:sdg-list": (None, PUBLIC),
    "api:region-list": (None, PUBLIC),
    "api:country-list": (None, PUBLIC),
    "api:vocabulary-list": (None, PUBLIC),
    "api:statistics": (None, PUBLIC),
    "api_docs:index": (None, PUBLIC),
}
