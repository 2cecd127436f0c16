"""Values every page needs: the demo banner and the other-language versions of the current page."""
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language_info

from localaction.governments.models import Government

from .translation import current_language, interface_language_codes, language_name, page_language

DEMO_CACHE_KEY = "localaction:demo-mode"


def demo_mode():
    """True while the database holds demo data; cached because it is asked on every page."""
    value = cache.get(DEMO_CACHE_KEY)
    if value is None:
        value = Government.objects.filter(is_demo=True).exists()
        cache.set(DEMO_CACHE_KEY, value, 300)
    return value


def site(request):
    path = request.get_full_path()
    current = page_language()
    alternates = []
    for code in interface_language_codes():
        url = translate_url(path, code)
        alternates.append(
            {
                "code": code,
                "name": language_name(code),
                # Each language offered in its own name, so a reader who cannot read the current one finds theirs.
                "native_name": get_language_info(code)["name_local"].capitalize(),
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return {"demo_mode": demo_mode(), "language_alternates": alternates, "content_language": current_language()}
