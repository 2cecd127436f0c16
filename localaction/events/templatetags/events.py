"""{% event_time %}: a time shown in the event's zone, which localtime.js completes with the viewer's."""
from datetime import timezone as dt_timezone

from django import template
from django.utils import formats
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def event_time(value, event, style="datetime"):
    """<time datetime="UTC ISO" data-localtime="style" data-zone="…">the time in the event's zone</time>.
    `style` is "datetime", "date" or "time"."""
    local = value.astimezone(event.zone)
    formats_by_style = {"datetime": "DATETIME_FORMAT", "date": "DATE_FORMAT", "time": "TIME_FORMAT"}
    return format_html(
        '<time datetime="{}" data-localtime="{}" data-zone="{}">{}</time>',
        value.astimezone(dt_timezone.utc).isoformat().replace("+00:00", "Z"), style, event.time_zone,
        formats.date_format(local, formats_by_style[style]),
    )


@register.simple_tag
def utc_offset(value, event):
    """'UTC−04:00': the event zone's offset at that instant."""
    offset = value.astimezone(event.zone).strftime("%z") or "+0000"
    sign = "+" if offset[0] == "+" else "−"
    return f"UTC{sign}{offset[1:3]}:{offset[3:5]}"
