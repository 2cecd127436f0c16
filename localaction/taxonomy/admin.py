from django.contrib import admin

from localaction.core.admin_utils import side_by_side

from .models import SDG, Country, GCMObjective, GCRArea, GCRObjective, GuidingPrinciple, Region, Term, Vocabulary


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "name_fr", "name_es", "parent")
    list_filter = ("parent",)
    search_fields = ("code", "name_en", "name_fr", "name_es")
    fields = ("code", "parent", side_by_side("name")[0])


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ("code", "iso3", "name_en", "name_fr", "name_es", "region", "subregion", "income_group")
    list_editable = ("income_group",)
    list_filter = ("region", "subregion", "income_group")
    search_fields = ("code", "iso3", "name_en", "name_fr", "name_es")
    list_select_related = ("region", "subregion")
    fields = (("code", "iso3", "numeric"), side_by_side("name")[0], ("region", "subregion"), "income_group")


@admin.register(GCMObjective)
class GCMObjectiveAdmin(admin.ModelAdmin):
    list_display = ("number", "short_label_en", "short_label_fr", "short_label_es")
    search_fields = ("title_en", "title_fr", "title_es", "short_label_en")
    fields = ("number", *side_by_side("title", "short_label"), "verified")


@admin.register(GuidingPrinciple)
class GuidingPrincipleAdmin(admin.ModelAdmin):
    list_display = ("position", "paragraph", "name_en", "name_fr", "name_es")
    fields = ("key", ("paragraph", "position"), *side_by_side("name"), "verified")


@admin.register(GCRObjective)
class GCRObjectiveAdmin(admin.ModelAdmin):
    list_display = ("number", "text_en", "text_fr", "text_es")
    fields = (("number", "key"), *side_by_side("text"), "verified")


@admin.register(GCRArea)
class GCRAreaAdmin(admin.ModelAdmin):
    list_display = ("position", "name_en", "name_fr", "name_es")
    fields = (("key", "position"), *side_by_side("name"), "verified")


@admin.register(SDG)
class SDGAdmin(admin.ModelAdmin):
    list_display = ("number", "short_title_en", "short_title_fr", "short_title_es")
    fields = ("number", *side_by_side("short_title", "title"))


class TermInline(admin.TabularInline):
    model = Term
    fields = ("key", "position", "name_en", "name_fr", "name_es", "is_active")
    extra = 1


@admin.register(Vocabulary)
class VocabularyAdmin(admin.ModelAdmin):
    """Reviewers add vocabularies (e.g. priorities) and terms here; forms and filters pick them up."""

    list_display = ("key", "name_en", "name_fr", "name_es", "position")
    fields = (("key", "position"), *side_by_side("name"), "source")
    inlines = [TermInline]


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ("vocabulary", "key", "name_en", "name_fr", "name_es", "is_active")
    list_filter = ("vocabulary", "is_active")
    search_fields = ("key", "name_en", "name_fr", "name_es")
    fields = ("vocabulary", ("key", "position", "is_active"), *side_by_side("name"))
