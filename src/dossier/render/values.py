"""How a value is written for readers: one function per kind of value, so each rule lives in one place.

A figure's unit is written here and nowhere else ("approximately 17%", "3,356 people"); a title
attributed to its publisher names the publisher once, even when the title already does.
"""

from __future__ import annotations

from dossier.model.entities import Figure

_UNITS = {
    "people": lambda n: f"{n} {'person' if n == '1' else 'people'}",
    "percent": lambda n: f"{n}%",
    "times": lambda n: f"{n} times",
}


def number(value: float) -> str:
    """A number with thousands separators and no needless decimals: 3356 -> '3,356', 17.5 -> '17.5'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}"


def figure_value(figure: Figure) -> str:
    """The figure's value with its hedge and unit, once each; the source's own words when it gives no number."""
    if figure.value is None or figure.unit is None:
        return str(figure.as_stated or "")
    text = _UNITS[figure.unit](number(figure.value))
    return f"{figure.approximation} {text}" if figure.approximation else text


def names(title: str, publisher: str) -> bool:
    """Whether ``title`` already names ``publisher`` (so a label must not name it again)."""
    return publisher.casefold() in title.casefold()


def attributed(publisher: str, title: str) -> str:
    """'Publisher: title', or the title alone when it already names the publisher."""
    return title if names(title, publisher) else f"{publisher}: {title}"
