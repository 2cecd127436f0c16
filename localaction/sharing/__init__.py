"""Sharing: social metadata on public pages, share links, server-made share images and embeddable widgets.

- `links.py`: the share links (plain links, no third-party request until clicked) and the Call's hashtags.
- `images.py`: 1200×630 PNG cards drawn with Pillow and the project's fonts, at content-addressed URLs.
- `widgets.py`: what a government's widget lists (published actions only) and its ETag.
- `templatetags/sharing.py`: `{% social_meta %}` for base.html's <head>, `{% share_links %}`, `{% widget_code %}`.
"""
