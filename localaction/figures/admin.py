from django.contrib import admin

from .models import ExchangeRate


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):
    list_display = ("currency", "date", "usd_per_unit", "source")
    list_filter = ("currency",)
    search_fields = ("currency", "source")
    date_hierarchy = "date"
    ordering = ("currency", "-date")
