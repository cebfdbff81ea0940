"""Every word the generator itself shows a reader comes from a message catalogue; dates and numbers
are written by Babel from CLDR for the edition's locale.

The catalogue template is ``locale/messages.pot``, extracted by ``pybabel extract`` (``make
messages``) from the templates (``{% trans %}``, ``_()``, ``ngettext()``), from Python
(``t.gettext()``, ``t.ngettext()``, ``N_()``) and from the published JSON Schemas (their
descriptions, through :func:`extract_schema_descriptions`). A language's translations live in
``locale/<lang>/LC_MESSAGES/messages.po``; where a message has none, the English text shows.
Words about the documentary's subject are not here: they come from documentary.yml and data/.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue where it is translated later, by whoever shows it."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark ``message`` with its ``context`` (a ``pgettext`` message), translated later by whoever shows it."""
    return message


Catalogues = tuple[str, ...]
"""A documentary's own ``locale/`` folders (``Documentary.catalogues``), looked up before the generator's."""


def _read(po: Path, language: str) -> Translations:
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


@functools.cache
def translations(language: str, dirs: Catalogues = ()) -> NullTranslations:
    """The catalogue of ``language`` read straight from its .po file (no compile step), or none; a
    documentary's own ``<dir>/<lang>/LC_MESSAGES/messages.po`` (``dirs``) adds messages or overrides ours."""
    folders = [*(Path(d) for d in dirs), LOCALE_DIR]
    found = [po for po in (d / language / "LC_MESSAGES" / f"{DOMAIN}.po" for d in folders)
             if po.is_file()][::-1]  # the generator's first, then each documentary folder over it
    if not found:
        return NullTranslations()
    catalogue = _read(found[0], language)
    for po in found[1:]:
        catalogue.merge(_read(po, language))
    return catalogue


def template_callables(language: str, markup: bool, convert: Any = None, dirs: Catalogues = ()) -> dict[str, Any]:
    """``gettext`` and ``ngettext`` for Jinja's i18n extension (installed old-style, so that a call is one
    call): keyword arguments fill ``%(name)s`` placeholders, escaped when ``markup`` (autoescaping
    environments); messages without arguments are looked up once.

    With ``markup`` off (MkDocs' theme environment, which does not autoescape) the result is plain
    text and the template escapes the values it passes, as it does everywhere else there.
    ``convert``: applied to every variable first (the environment's ``finalize``: an untranslated
    text is marked in messages too).
    """
    catalogue = translations(language, dirs)
    wrap: Any = Markup if markup else str
    plain: dict[str, Any] = {}

    def gettext(message: str, **variables: Any) -> Any:
        if variables:
            if convert is not None:
                variables = {k: convert(v) for k, v in variables.items()}
            return wrap(catalogue.gettext(message)) % variables
        text = plain.get(message)
        if text is None:
            text = plain[message] = wrap(catalogue.gettext(message))
        return text

    def ngettext(singular: str, plural: str, n: int, **variables: Any) -> Any:
        if convert is not None:
            variables = {k: convert(v) for k, v in variables.items()}
        return wrap(catalogue.ngettext(singular, plural, n)) % {"num": n, **variables}

    def pgettext(context: str, message: str, **variables: Any) -> Any:
        """A message whose translation depends on where it is used (e.g. a chart's 'Key')."""
        if convert is not None:
            variables = {k: convert(v) for k, v in variables.items()}
        text = wrap(catalogue.pgettext(context, message))
        return text % variables if variables else text

    return {"gettext": gettext, "ngettext": ngettext, "pgettext": pgettext}


class LanguageData(BaseModel):
    """What the generator needs to know about a language that Babel/CLDR does not give it:
    ``locale/<lang>/language.yml`` beside the language's catalogue (every key optional)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    letters: str = ""
    """The language's letters beyond a-z, lower case (CLDR's exemplar characters; Babel does not ship them)."""
    stop_words: tuple[str, ...] = ()
    """Common words, to tell a quoted phrase in this language inside another language's text."""
    in_text: dict[str, str] = {}
    """How a language name given by CLDR for menus begins in running text: prefix -> replacement."""

    @functools.cached_property
    def stop_pattern(self) -> re.Pattern[str] | None:
        if not self.stop_words:
            return None
        return re.compile(r"\b(" + "|".join(map(re.escape, self.stop_words)) + r")\b", re.IGNORECASE)

    def name_in_text(self, name: str) -> str:
        """A language's name as running text writes it ('Tiếng Anh' -> 'tiếng Anh')."""
        for prefix, replacement in self.in_text.items():
            if name.startswith(prefix):
                return replacement + name.removeprefix(prefix)
        return name


@functools.cache
def language_data(language: str, dirs: Catalogues = ()) -> LanguageData:
    """``locale/<language>/language.yml`` (a documentary's own, in ``dirs``, before the generator's), read with
    the data's strict YAML loader (the model refuses unknown keys); defaults for a language without one."""
    from dossier.load.yamlstrict import load_text  # the data's loader (imported here: it imports this module's errors)

    folders = [*(Path(d) for d in dirs), LOCALE_DIR]
    path = next((p for p in (d / language / "language.yml" for d in folders) if p.is_file()), None)
    if path is None:
        return LanguageData()
    loaded, errors = load_text(str(path), path.read_bytes())
    if loaded is None or errors:
        raise ValueError("; ".join(str(e) for e in errors))
    return LanguageData.model_validate(loaded.value or {}, strict=False)


class _Dates(dict[Any, str]):
    """Formatted partial dates, computed on first look-up."""

    def __init__(self, formatter: Any) -> None:
        super().__init__()
        self.formatter = formatter

    def __missing__(self, d: Any) -> str:
        text = self[d] = self.formatter(d)
        return text


@functools.cache
def messages(locale: str, dirs: Catalogues = ()) -> Messages:
    """The one ``Messages`` of a locale, shared by pages, feeds and downloads (and its date cache); ``dirs``: the
    documentary's own catalogues (``Documentary.catalogues``)."""
    return Messages(locale, dirs)


class Messages:
    """The words and formats of one edition: ``gettext``/``ngettext`` and CLDR dates and numbers."""

    def __init__(self, locale: str, dirs: Catalogues = ()) -> None:
        self.locale = Locale.parse(locale)
        self.language = self.locale.language
        self.dirs = dirs
        self.catalogue = translations(self.language, dirs)
        self._numbers: dict[float, str] = {}
        self.day_pattern = str(self.catalogue.pgettext("date pattern", "d MMMM y"))
        """How a day is written, from the catalogue (a CLDR pattern; quoted words are literal)."""
        self.month_pattern = str(self.catalogue.pgettext("month pattern", "MMMM y"))
        """How a month is written, from the catalogue, in the same style as the day (CLDR pattern)."""
        self.dates = _Dates(self._date)
        """Formatted dates by value, ``dates[d]``: CLDR formatting is slow and a site repeats its dates
        many times; templates index it (a look-up) rather than call a function."""

    def gettext(self, message: str, **values: Any) -> str:
        text = self.catalogue.gettext(message)
        return text % values if values else text

    def pgettext(self, context: str, message: str, **values: Any) -> str:
        text = str(self.catalogue.pgettext(context, message))
        return text % values if values else text

    def ngettext(self, singular: str, plural: str, n: int, **values: Any) -> str:
        return self.catalogue.ngettext(singular, plural, n) % {"num": self.number(n), **values}

    def number(self, value: float) -> str:
        """3356 -> '3,356' (en), '3.356' (vi); no needless decimals."""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = self._numbers.get(value)
        if text is None:
            text = self._numbers[value] = format_decimal(value, locale=self.locale)
        return text

    def percent(self, value: float) -> str:
        """17 -> '17%'; 2.5 -> '2.5%' (en), '2,5%' (vi)."""
        return format_percent(value / 100, locale=self.locale, decimal_quantization=False)

    def day(self, when: date) -> str:
        """A full date in the edition's form: '17 April 2024' (en_GB), 'ngày 17 tháng 4 năm 2024' (vi).
        The pattern (CLDR/Babel date-pattern syntax) is the translators' (context 'date pattern'), as
        CLDR's long form for Vietnamese ('17 tháng 4, 2024') is not what Vietnamese newsrooms write."""
        return format_date(when, self.day_pattern, locale=self.locale)

    def month(self, year: int, month: int) -> str:
        return format_date(date(year, month, 1), self.month_pattern, locale=self.locale)

    def date(self, d: Any) -> str:
        """A ``PartialDate`` at its own precision, with its qualifier in words."""
        return self.dates[d]

    def _date(self, d: Any) -> str:
        if d.day and d.month:
            text = self.day(date(d.year, d.month, d.day))
        elif d.month:
            text = self.month(d.year, d.month)
        else:
            text = str(d.year)
        if d.qualifier == "c.":
            return self.gettext("c. %(date)s", date=text)
        if d.qualifier == "before":
            return self.gettext("before %(date)s", date=text)
        if d.qualifier == "after":
            return self.gettext("after %(date)s", date=text)
        return text


def extract_schema_descriptions(fileobj: Any, keywords: Any, comment_tags: Any,
                                options: Any) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extraction method: every description of the published JSON Schemas (model docstrings
    and field descriptions), which readers of the open data see."""
    from dossier.model.schemas import schemas

    seen: set[str] = set()

    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("description", "title") and isinstance(value, str):
                    yield value
                else:
                    yield from walk(value)
        elif isinstance(node, list):
            for item in node:
                yield from walk(item)

    for schema in schemas().values():
        for text in walk(schema):
            if text not in seen:
                seen.add(text)
                yield 1, "gettext", text, ["JSON Schema description"]
