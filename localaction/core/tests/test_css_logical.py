"""The stylesheets use logical properties (inline-start/end), so a right-to-left interface language mirrors the
layout without a stylesheet of its own. A physical side (left, right) in any CSS file fails here."""
import re
from pathlib import Path

import pytest
import tinycss2
from django.conf import settings

STATIC = Path(settings.BASE_DIR) / "localaction" / "static"
CSS_FILES = sorted(STATIC.rglob("*.css"))

# (file name, context, property): context is the selector or the at-rule (@top-right) holding the declaration.
ALLOWED = {
    # Page margin boxes are placed physically by their very name: the running header of @top-right stays flush
    # with the right edge of the paper whatever the text direction.
    ("print.css", "@top-right", "text-align"): "a page margin box is physical",
}

PHYSICAL_PROPERTY = re.compile(
    r"^(?:(?:margin|padding|scroll-margin|scroll-padding)-(?:left|right)"
    r"|border-(?:left|right)(?:-\w+)?|border-(?:top|bottom)-(?:left|right)-radius|left|right)$"
)
PHYSICAL_KEYWORD_PROPERTIES = {"text-align", "text-align-last", "float", "clear", "caption-side"}
# Four-value shorthands name the right (2nd) and left (4th) sides: different values are a physical choice.
FOUR_SIDED = {"margin", "padding", "inset", "scroll-margin", "scroll-padding", "border-width", "border-style",
              "border-color"}
NESTED_RULE_LISTS = {"media", "supports", "layer", "container", "document"}


def _declarations(rules, context):
    for rule in rules:
        if rule.type == "qualified-rule":
            selector = tinycss2.serialize(rule.prelude).strip()
            yield from _block(rule.content, selector)
        elif rule.type == "at-rule" and rule.content is not None:
            if rule.lower_at_keyword in NESTED_RULE_LISTS:
                yield from _declarations(
                    tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), context
                )
            else:  # @page, its margin boxes, @font-face: declarations, possibly nested at-rules
                yield from _block(rule.content, f"@{rule.lower_at_keyword}")


def _block(content, context):
    for item in tinycss2.parse_blocks_contents(content, skip_comments=True, skip_whitespace=True):
        if item.type == "declaration":
            yield context, item
        elif item.type in ("at-rule", "qualified-rule"):
            yield from _declarations([item], context)


def _values(declaration):
    return [token for token in declaration.value if token.type not in ("whitespace", "comment")]


def physical_declarations(path):
    """(context, property, value) of every declaration naming a physical side in the file at `path`."""
    found = []
    rules = tinycss2.parse_stylesheet(path.read_text(encoding="utf-8"), skip_comments=True, skip_whitespace=True)
    for context, declaration in _declarations(rules, ""):
        name = declaration.lower_name
        values = _values(declaration)
        words = {token.lower_value for token in values if token.type == "ident"}
        physical = (
            PHYSICAL_PROPERTY.match(name)
            or (name in PHYSICAL_KEYWORD_PROPERTIES and words & {"left", "right"})
            or (name in FOUR_SIDED and len(values) == 4
                and tinycss2.serialize([values[1]]) != tinycss2.serialize([values[3]]))
        )
        if physical:
            found.append((context, name, tinycss2.serialize(declaration.value).strip()))
    return found


def test_there_are_stylesheets_to_check():
    assert {path.name for path in CSS_FILES} >= {"site.css", "print.css"}


@pytest.mark.parametrize("path", CSS_FILES, ids=lambda path: str(path.relative_to(STATIC)))
def test_stylesheet_uses_logical_properties(path):
    offending = [
        f"{context} {{ {name}: {value} }}"
        for context, name, value in physical_declarations(path)
        if (path.name, context, name) not in ALLOWED
    ]
    assert not offending, (
        f"{path.name} names a physical side; use margin-inline-start/end, padding-inline-*, border-inline-*, "
        f"inset-inline-*, text-align: start/end or float: inline-start/end (or allow-list it with a reason): "
        f"{offending}"
    )


def test_the_check_catches_physical_properties(tmp_path):
    sample = tmp_path / "sample.css"
    sample.write_text(
        ".a { margin-left: 1rem; text-align: right; }\n"
        "@media print { .b { float: left; left: 0; } }\n"
        ".c { padding: 0 1rem 0 2rem; border-right-width: 1px; }\n"
        ".ok { margin: 0 1rem; padding: 1px 2px 3px 2px; text-align: start; inset-inline-start: 0; }\n"
    )
    assert [name for _context, name, _value in physical_declarations(sample)] == [
        "margin-left", "text-align", "float", "left", "padding", "border-right-width",
    ]
