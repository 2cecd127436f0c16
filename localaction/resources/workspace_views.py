"""The reviewers' library pages: every resource (published or not), the form to add or change one, and the
publish/unpublish and delete buttons. Reviewers only: role_required answers 403 to anyone else (anonymous
visitors go to sign in)."""
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from localaction.accounts.decorators import role_required
from localaction.accounts.models import Roles

from . import services
from .filters import ResourceFilter
from .forms import ResourceForm
from .models import Resource


@role_required(Roles.REVIEWER)
def resource_list(request):
    """Every resource, newest first, searchable with the public page's words (unpublished ones too)."""
    filterset = ResourceFilter(request.GET, queryset=Resource.objects.all())
    page = Paginator(filterset.qs.select_related("created_by"), 50).get_page(request.GET.get("page"))
    return render(request, "resources/workspace/list.html", {"filter": filterset, "page": page})


def _form_page(request, resource):
    posted = request.method == "POST"
    form = ResourceForm(request.POST if posted else None, request.FILES if posted else None, instance=resource)
    if posted and form.is_valid():
        saved = services.save_resource(form, request.user)
        messages.success(request, _("“%(title)s” is saved.") % {"title": saved})
        return redirect("resources_workspace:edit", pk=saved.pk)
    if posted and request.FILES.get("file") and "file" not in form.errors:
        # A page that comes back with errors cannot hand the chosen file back to the browser.
        form.add_error("file", _("Files are not kept when a page has errors: choose the file again."))
    return render(
        request, "resources/workspace/form.html", {"form": form, "resource": resource}, status=400 if posted else 200
    )


@role_required(Roles.REVIEWER)
def resource_create(request):
    return _form_page(request, Resource())


@role_required(Roles.REVIEWER)
def resource_edit(request, pk):
    return _form_page(request, get_object_or_404(Resource, pk=pk))


@role_required(Roles.REVIEWER)
@require_POST
def resource_publish(request, pk):
    resource = get_object_or_404(Resource, pk=pk)
    services.set_published(resource, request.POST.get("published") == "1", request.user)
    if resource.is_published:
        messages.success(request, _("“%(title)s” is published.") % {"title": resource})
    else:
        messages.success(request, _("“%(title)s” is no longer public.") % {"title": resource})
    return redirect("resources_workspace:list")


@role_required(Roles.REVIEWER)
def resource_delete(request, pk):
    """A confirmation page; the deletion itself is a POST."""
    resource = get_object_or_404(Resource, pk=pk)
    if request.method == "POST":
        title = str(resource)
        services.delete_resource(resource, request.user)
        messages.success(request, _("“%(title)s” is deleted.") % {"title": title})
        return redirect("resources_workspace:list")
    return render(request, "resources/workspace/delete.html", {"resource": resource})
