"""How a value is written for readers: one function per kind of value, so each rule lives in one place.

A figure's unit is written here and nowhere else ("approximately 17%", "3,356 people"), in the
edition's words and number format; a title attributed to its publisher names the publisher
once, even when the title already does.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dossier.i18n import N_, Messages
from dossier.model.entities import Figure
from dossier.model.site import UnitTerm

APPROXIMATIONS = {
    "approximately": N_("approximately %(value)s"), "roughly": N_("roughly %(value)s"),
    "about": N_("about %(value)s"), "around": N_("around %(value)s"), "almost": N_("almost %(value)s"),
    "nearly": N_("nearly %(value)s"), "up to": N_("up to %(value)s"), "at least": N_("at least %(value)s"),
    "more than": N_("more than %(value)s"), "fewer than": N_("fewer than %(value)s"),
}
"""The hedges a figure may carry (``entities.Approximation``), as catalogue messages."""


def figure_value(figure: Figure, t: Messages, units: Mapping[str, UnitTerm]) -> str:
    """The figure's value with its hedge and unit, once each; the source's own words when it gives no number."""
    if figure.value is None or figure.unit is None:
        ours = figure.translations.get(t.language)
        return t.gettext("%(words)s (our translation)", words=ours) if ours else str(figure.as_stated or "")
    text = number_in(figure.value, units[figure.unit], t)
    return t.gettext(APPROXIMATIONS[figure.approximation], value=text) if figure.approximation else text


def number_in(value: float, unit: UnitTerm, t: Messages) -> str:
    """A number in a unit of documentary.yml, in the edition's format and plural form ('3,356 people', '17%')."""
    if unit.style == "percent":
        return t.percent(value)
    count = int(value) if float(value).is_integer() else value
    category: Any = t.locale.plural_form(count)  # a CLDR category name: 'one', 'few', 'other'...
    form = unit.written.get(category) or unit.written["other"]
    return form.get(t.language).replace("{num}", t.number(count))


def names(title: str, publisher: str) -> bool:
    """Whether ``title`` already names ``publisher`` (so a label must not name it again), in the edition's
    language: "Bộ trưởng Bộ Công an" names "Bộ Công an"."""
    return str(publisher).casefold() in str(title).casefold()


def attributed(publisher: str, title: str) -> str:
    """'Publisher: title', or the title alone when it already names the publisher."""
    return title if names(title, publisher) else f"{publisher}: {title}"
