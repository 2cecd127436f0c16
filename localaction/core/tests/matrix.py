"""Building blocks of the permission matrix (see test_permission_matrix.py).

Each app lists its URL names in `<app>/tests/permissions.py`:

    ENTRIES = {"app:name": (lambda objects: [reverse args], {persona: expected status, …}), …}
    def make_objects(personas):   # optional: the objects those URLs need, created for each test
        return {"thing": …}

The personas are those of the root conftest: anonymous, member_a (focal point of government A), editor_a
(editor of government A), member_b (focal point of government B), reviewer, fund_manager, evaluator, admin.
"""
PERSONAS = ("anonymous", "member_a", "editor_a", "member_b", "reviewer", "fund_manager", "evaluator", "admin")


def everyone(status):
    return dict.fromkeys(PERSONAS, status)


PUBLIC = everyone(200)


def signed_in(status, anonymous=302):
    """Any signed-in user gets `status`; the anonymous visitor is sent to sign in."""
    return {**everyone(status), "anonymous": anonymous}


def only(allowed, status=200, others=403, anonymous=302, **overrides):
    """`allowed` personas get `status`, other signed-in personas `others`; overrides win."""
    expected = {name: (status if name in allowed else others) for name in PERSONAS}
    expected["anonymous"] = anonymous
    expected.update(overrides)
    return expected


def members_of_a(status=200, editor=None):
    """Government A's pages: its members get in, strangers get 404 (even reviewers: they use review pages)."""
    expected = only({"member_a", "editor_a"}, status=status, others=404)
    if editor is not None:
        expected["editor_a"] = editor
    return expected


def reviewers(status=200):
    """Reviewer screens: reviewers and the admin (a superuser has every role)."""
    return only({"reviewer", "admin"}, status=status)
