"""How a value is written for readers: one function per kind of value, so each rule lives in one place.

A figure's unit is written here and nowhere else ("approximately 17%", "3,356 people"), in the
edition's words and number format; a title attributed to its publisher names the publisher
once, even when the title already does.
"""

from __future__ import annotations

from dossier.i18n import N_, Messages
from dossier.model.entities import Figure

APPROXIMATIONS = {
    "approximately": N_("approximately %(value)s"), "roughly": N_("roughly %(value)s"),
    "about": N_("about %(value)s"), "around": N_("around %(value)s"), "almost": N_("almost %(value)s"),
    "nearly": N_("nearly %(value)s"), "up to": N_("up to %(value)s"), "at least": N_("at least %(value)s"),
    "more than": N_("more than %(value)s"), "fewer than": N_("fewer than %(value)s"),
}
"""The hedges a figure may carry (``entities.Approximation``), as catalogue messages."""


def figure_value(figure: Figure, t: Messages) -> str:
    """The figure's value with its hedge and unit, once each; the source's own words when it gives no number."""
    if figure.value is None or figure.unit is None:
        return str(figure.as_stated or "")
    value = figure.value
    count = int(value) if float(value).is_integer() else value
    if figure.unit == "percent":
        text = t.percent(value)
    elif figure.unit == "people":
        text = t.ngettext("%(num)s person", "%(num)s people", count)  # type: ignore[arg-type]
    else:
        text = t.ngettext("%(num)s time", "%(num)s times", count)  # type: ignore[arg-type]
    return t.gettext(APPROXIMATIONS[figure.approximation], value=text) if figure.approximation else text


def names(title: str, publisher: str) -> bool:
    """Whether ``title`` already names ``publisher`` (so a label must not name it again)."""
    return publisher.casefold() in title.casefold()


def attributed(publisher: str, title: str) -> str:
    """'Publisher: title', or the title alone when it already names the publisher."""
    return title if names(title, publisher) else f"{publisher}: {title}"
