"""Figures that add up across pledges: exchange rates for converting money to US dollars."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExchangeRate(models.Model):
    """How many US dollars one unit of `currency` was worth on `date`, and where that figure comes from.
    Rates are entered by staff or loaded from a file; nothing is fetched from the network at run time."""

    currency = models.CharField(_("currency"), max_length=3)
    date = models.DateField(_("date"))
    usd_per_unit = models.DecimalField(_("US dollars per unit"), max_digits=18, decimal_places=8)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["currency", "-date"]
        constraints = [models.UniqueConstraint(fields=["currency", "date"], name="exchange_rate_unique_per_day")]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")

    def __str__(self):
        return f"{self.currency} {self.date}: {self.usd_per_unit} USD"
