"""Read replica: anonymous GET and HEAD requests read from DATABASE_REPLICA_URL; everything else uses the primary.

Enabled only when DATABASE_REPLICA_URL is set (settings add the "replica" alias, the router and the middleware).
Signed-in users, forms, jobs and anything inside a transaction read the primary, so nobody misses their own
change because the replica lags a little behind; the public catalog, which is most of the traffic, does not care.
"""
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_ALIAS = "replica"
_reads_may_lag = ContextVar("reads_may_lag", default=False)


class ReplicaRouter:
    """Send reads to the replica while the current request allows it; all writes and migrations to the primary."""

    def db_for_read(self, model, **hints):
        if _reads_may_lag.get() and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return REPLICA_ALIAS
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplicaMiddleware:
    """Allow replica reads for safe requests without a session cookie or API token (the anonymous public)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # An API token holder may have just written through the API: the primary, like a signed-in user.
        anonymous = settings.SESSION_COOKIE_NAME not in request.COOKIES and "HTTP_AUTHORIZATION" not in request.META
        token = _reads_may_lag.set(request.method in ("GET", "HEAD") and anonymous)
        try:
            return self.get_response(request)
        finally:
            _reads_may_lag.reset(token)
