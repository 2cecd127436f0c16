"""Fund evaluation URLs in the permission matrix; composed by permissions.py."""
from localaction.core.tests.matrix import only

from localaction.fund import evaluation
from localaction.fund.models import Stage

from .factories import ApplicationFactory

MANAGERS = {"fund_manager", "admin"}
EVALUATORS = {"evaluator", "admin"}  # a superuser holds every role

ENTRIES = {
    "fund_workspace:evaluations": (None, only(EVALUATORS)),
    # The evaluator's own assignment; the admin holds the role but the assignment is not theirs: it does not exist.
    "fund_workspace:assignment": (lambda o: [o["fund_assignment"].pk], only(EVALUATORS, admin=404)),
    "fund_workspace:assign_evaluators": (lambda o: [o["fund_evaluated_application"].pk], only(MANAGERS, status=405)),  # POST only
    "fund_workspace:unassign_evaluator": (lambda o: [o["fund_assignment"].pk], only(MANAGERS, status=405)),  # POST only
    "fund_workspace:ranking": (lambda o: [o["fund_evaluated_application"].round_id], only(MANAGERS)),
    "fund_workspace:ranking_csv": (lambda o: [o["fund_evaluated_application"].round_id], only(MANAGERS)),
}


def make_objects(personas):
    """Government B's application under evaluation, assigned to the evaluator persona."""
    application = ApplicationFactory(government=personas.government_b, stage=Stage.UNDER_EVALUATION)
    assignment, = evaluation.assign_evaluators(application, personas.fund_manager, [personas.evaluator])
    return {"fund_evaluated_application": application, "fund_assignment": assignment}
