"""Transferred bytes per page stay small (issue #13): under 60 KB, the insights page under 150 KB.

Method: a first visit with an empty cache. The page's HTML as the server sends it with `Accept-Encoding: gzip`
(GZipMiddleware), plus every stylesheet, script, image and icon it loads (and what the stylesheets load), each
counted once: text as gzip compresses it (level 6, what a production server sends), images as they are.
Measured with Django's test client, so the figures are deterministic.
"""
import pytest

from rendering import page_weight, render_all

KB = 1000
LIMIT = 60 * KB
LIMITS = {"insights:index": 150 * KB}


@pytest.mark.django_db
def test_every_page_weighs_less_than_its_limit(client_for, objects):
    rendered = render_all(client_for, objects)
    sizes, too_heavy, client = {}, [], client_for("anonymous")
    for visit, response in rendered.items():
        total, parts = page_weight(client, visit, response, sizes)
        limit = LIMITS.get(visit.name, LIMIT)
        if total > limit:
            heaviest = sorted(parts.items(), key=lambda part: -part[1])[:5]
            too_heavy.append(f"{visit.label}: {total / KB:.1f} KB > {limit / KB:.0f} KB; heaviest: "
                             + ", ".join(f"{address} {size / KB:.1f} KB" for address, size in heaviest))
    assert not too_heavy, "pages over their weight limit:\n" + "\n".join(too_heavy)
    assert sizes, "no stylesheet, script or image found on any page: the measure is broken"
