"""Field types shared by the models: ids, references, plain text, translatable text, URLs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGES = ("en", "vi")
"""Languages a translatable text may carry; English is the edition every entry must have."""


PLACEHOLDER = "TODO"
"""What scripts/new.py writes in fields to fill: refused everywhere until replaced."""


def _plain_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("empty_text", "text is empty")
    if value.strip() == PLACEHOLDER:
        raise PydanticCustomError("placeholder", "placeholder 'TODO' must be replaced")
    if value != value.strip():
        raise PydanticCustomError("untrimmed_text", "text starts or ends with spaces or blank lines")
    return value


PlainText = Annotated[str, AfterValidator(_plain_text)]
"""Plain text: shown as typed, never interpreted as HTML, Markdown or Jinja."""

Id = Annotated[str, Field(pattern=SLUG, max_length=80, description="lower-case ASCII slug, e.g. 'to-lam'")]


def _https(value: str) -> str:
    if not value.startswith("https://") or len(value) < 12 or any(c.isspace() for c in value):
        raise PydanticCustomError(
            "url_scheme", "URL must start with https:// (got '{value}')", {"value": value[:60]}
        )
    parts = urlsplit(value)
    if "@" in parts.netloc:
        # Never echo the credentials: the error line may be pasted into an issue or a CI log.
        raise PydanticCustomError("url_credentials", "URL carries a user name or password ('https://{host}' "
                                  "preceded by '...@')", {"host": parts.netloc.rpartition("@")[2][:60]})
    host = parts.hostname or ""
    if "." not in host.strip(".") or not re.fullmatch(r"[a-z0-9.-]+", host):
        raise PydanticCustomError("url_host", "URL has no valid host name (got '{value}')", {"value": value[:60]})
    return value


HttpsUrl = Annotated[str, AfterValidator(_https), Field(pattern=r"^https://\S+$", max_length=2000)]


@dataclass(frozen=True)
class Ref:
    """Marks a field as a reference to an entry of another kind, checked after loading."""

    kind: str


_EDITION: ContextVar[str] = ContextVar("dossier_edition", default="en")
"""The language of the edition being rendered: what ``str()`` of a translatable text gives."""


@contextmanager
def edition(language: str) -> Iterator[None]:
    """Render in ``language``: inside, ``str(text)``, f-strings, ``%`` and escaping give that translation
    (or the English text where it is missing; ``LocalText.missing`` tells)."""
    token = _EDITION.set(language)
    try:
        yield
    finally:
        _EDITION.reset(token)


def current_edition() -> str:
    return _EDITION.get()


def set_edition(language: str) -> None:
    """For a site generator's whole build of one edition (its own templates print texts too)."""
    _EDITION.set(language)


class LocalText(str):
    """Text with optional translations.

    Written either as a plain string (English) or as ``{en: ..., vi: ...}``, so a second-language
    edition can be added entry by entry without changing the data model. The string itself (what
    comparisons, sorting and ``in`` see) is the English text; ``str()``, formatting and escaping give
    the text of the edition being rendered (``edition()``), falling back to English.
    """

    translations: dict[str, str]

    def __new__(cls, text: str, translations: dict[str, str] | None = None) -> LocalText:
        obj = super().__new__(cls, text)
        obj.translations = dict(translations or {"en": text})
        return obj

    def __str__(self) -> str:
        return self.translations.get(_EDITION.get()) or super().__str__()

    @property
    def english(self) -> str:
        return super().__str__()

    @property
    def missing(self) -> bool:
        """Whether the edition being rendered has no translation of this text (English is shown)."""
        return _EDITION.get() not in self.translations

    def get(self, lang: str) -> str:
        return self.translations.get(lang) or super().__str__()

    def serialized(self) -> str | dict[str, str]:
        """For open data: the English string, or every translation when there is more than one."""
        return dict(self.translations) if len(self.translations) > 1 else super().__str__()

    @classmethod
    def _validate(cls, value: Any) -> LocalText:
        if isinstance(value, LocalText):
            return value
        if isinstance(value, str):
            return cls(_plain_text(value))
        if isinstance(value, dict):
            unknown = [k for k in value if k not in LANGUAGES]
            if unknown:
                raise PydanticCustomError("language", "unknown language {lang!r}; use one of: {langs}",
                                          {"lang": str(unknown[0]), "langs": ", ".join(LANGUAGES)})
            if "en" not in value:
                raise PydanticCustomError("language", "the English text ('en') is required")
            if not all(isinstance(v, str) for v in value.values()):
                raise PydanticCustomError("string_type", "each translation must be text")
            texts = {k: _plain_text(v) for k, v in value.items()}
            return cls(texts["en"], texts)
        raise PydanticCustomError("string_type", "expected text")

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate, serialization=core_schema.plain_serializer_function_ser_schema(lambda v: v.serialized())
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
                    "required": ["en"],
                    "additionalProperties": False,
                },
            ],
            "description": "plain text, or {en: ..., vi: ...} with translations",
        }


Text = LocalText
"""Translatable plain text."""

