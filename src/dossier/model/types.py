"""Field types shared by the models: ids, references, plain text, translatable text, URLs."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote, unquote, urlsplit

from babel import localedata
from pydantic import AfterValidator, Field, GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationInfo
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

BASE = "en"
"""The language of a plain text when no documentary says otherwise (a text validated outside a documentary)."""


def languages_of(info: ValidationInfo | None) -> tuple[str, ...] | None:
    """The documentary's languages, its base language first (``documentary.yml``'s ``language`` and
    ``editions``), passed to validation as context by ``validate.check``; None outside a documentary."""
    context = info.context if info is not None else None
    languages = context.get("languages") if isinstance(context, dict) else None
    return tuple(languages) if languages else None


def _language_code(value: str) -> str:
    """An ISO 639 language code that CLDR (through Babel) knows, so its dates, numbers and names can be written."""
    if not localedata.exists(value):
        raise PydanticCustomError("language_code", "'{lang}' is not a language CLDR knows (write an ISO 639-1 "
                                  "code such as 'en', 'vi' or 'fr')", {"lang": value[:20]})
    return value


LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}$", description="ISO 639-1 language code, e.g. 'vi'"),
                         AfterValidator(_language_code)]
"""A language an edition is written in (a documentary's languages come from its configuration)."""


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


SPECIAL_USE_NAMES = ("localhost", "local", "test", "invalid", "example", "internal", "home.arpa", "lan",
                     "onion", "intranet", "corp", "private")
"""Host names and suffixes that are never a public address (RFC 6761, 6762, 7686, and common private ones)."""


def _https(value: str) -> str:
    """A published document's address: http(s), on a public host name, with no credentials."""
    parts = urlsplit(value) if not any(c.isspace() for c in value) else None
    if parts is None or parts.scheme not in ("https", "http") or not value.startswith(parts.scheme + "://"):
        raise PydanticCustomError(
            "url_scheme", "URL must start with https:// or http:// (got '{value}')", {"value": value[:60]}
        )
    if "@" in parts.netloc:
        # Never echo the credentials: the error line may be pasted into an issue or a CI log.
        raise PydanticCustomError("url_credentials", "URL carries a user name or password ('https://{host}' "
                                  "preceded by '...@')", {"host": parts.netloc.rpartition("@")[2][:60]})
    try:
        host, port = parts.hostname or "", parts.port
    except ValueError:
        raise PydanticCustomError("url_host", "URL has an invalid port (got '{value}')",
                                  {"value": value[:60]}) from None
    if parts.netloc.startswith("[") or _ip_literal(host):
        raise PydanticCustomError("url_ip", "URL names a bare IP address ('{host}'{what}), not a public host name",
                                  {"host": host[:60], "what": _ip_kind(host)})
    name = host.rstrip(".")
    special = next((s for s in SPECIAL_USE_NAMES if name == s or name.endswith("." + s)), None)
    if special:
        raise PydanticCustomError("url_private", "URL's host '{host}' is not public ('{special}' names a local or "
                                  "reserved network)", {"host": host[:60], "special": special})
    if "." not in host.strip(".") or not re.fullmatch(r"[a-z0-9.-]+", host) or port == 0:
        raise PydanticCustomError("url_host", "URL has no valid host name (got '{value}')", {"value": value[:60]})
    return value


def _ip_kind(host: str) -> str:
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return ""
    kind = next((k for k, yes in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                                  ("private", ip.is_private), ("reserved", ip.is_reserved)) if yes), "")
    return f", {kind}" if kind else ""


def _ip_literal(host: str) -> bool:
    """Whether a host is an IP address in any spelling browsers accept (dotted, decimal, hex, octal)."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    labels = host.split(".")
    return all(re.fullmatch(r"(0x[0-9a-f]*|[0-9]+)", label) for label in labels if label) and bool(host.strip("."))


def normal_url(url: str) -> str:
    """An address in the form two spellings of one document share, for duplicate detection: case of scheme
    and host, 'www.', default port, fragment, trailing slash, invisible characters and percent-encoding
    folded away."""
    url = "".join(c for c in url if c.isprintable() and not c.isspace())
    url = unicodedata.normalize("NFC", url)
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").removeprefix("www.")
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and port != {"http": 80, "https": 443}.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~").rstrip("/")
    query = quote(unquote(parts.query), safe="=&/:@!$'()*+,;-._~")
    # http and https of one address are one document.
    return f"//{host}{path}" + (f"?{query}" if query else "")


HttpsUrl = Annotated[str, AfterValidator(_https), Field(pattern=r"^https?://\S+$", max_length=2000)]
"""A public web address (http or https; the name is kept for the data files' schemas)."""


@dataclass(frozen=True)
class Ref:
    """Marks a field as a reference to an entry of another kind, checked after loading."""

    kind: str


_EDITION: ContextVar[str] = ContextVar("dossier_edition", default=BASE)
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


def set_edition(language: str) -> None:
    """For a site generator's whole build of one edition (its own templates print texts too)."""
    _EDITION.set(language)


class LocalText(str):
    """Text with optional translations.

    Written either as a plain string (the documentary's base language) or as ``{en: ..., vi: ...}``, so
    a further edition can be added entry by entry without changing the data model. The string itself
    (what comparisons, sorting and ``in`` see) is the base language's text; ``str()``, formatting and
    escaping give the text of the edition being rendered (``edition()``), falling back to the base text.
    """

    translations: dict[str, str]
    base: str
    """The language of the string itself: the documentary's base language."""

    def __new__(cls, text: str, translations: dict[str, str] | None = None, base: str = BASE) -> LocalText:
        obj = super().__new__(cls, text)
        obj.translations = dict(translations or {base: text})
        obj.base = base
        return obj

    def __str__(self) -> str:
        return self.translations.get(_EDITION.get()) or super().__str__()

    @property
    def original(self) -> str:
        """The text in the base language (shown, marked, where an edition has no translation)."""
        return super().__str__()

    @property
    def missing(self) -> bool:
        """Whether the edition being rendered has no translation of this text (English is shown)."""
        return _EDITION.get() not in self.translations

    def get(self, lang: str) -> str:
        return self.translations.get(lang) or super().__str__()

    def serialized(self) -> str | dict[str, str]:
        """For open data: the base language's string, or every translation when there is more than one."""
        return dict(self.translations) if len(self.translations) > 1 else super().__str__()

    @classmethod
    def _validate(cls, value: Any, info: ValidationInfo | None = None) -> LocalText:
        if isinstance(value, LocalText):
            return value
        languages = languages_of(info)
        base = languages[0] if languages else BASE
        if isinstance(value, str):
            return cls(_plain_text(value), base=base)
        if isinstance(value, dict):
            unknown = [k for k in value if languages and k not in languages]
            if unknown:
                raise PydanticCustomError("language", "unknown language '{lang}'; use one of: {langs}",
                                          {"lang": str(unknown[0]), "langs": ", ".join(languages or ())})
            if base not in value:
                raise PydanticCustomError("language", "the text in the documentary's language ('{lang}') is "
                                          "required", {"lang": base})
            if not all(isinstance(v, str) for v in value.values()):
                raise PydanticCustomError("string_type", "each translation must be text")
            texts = {k: _plain_text(v) for k, v in value.items()}
            return cls(texts[base], texts, base)
        raise PydanticCustomError("string_type", "expected text")

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.with_info_plain_validator_function(
            cls._validate, serialization=core_schema.plain_serializer_function_ser_schema(lambda v: v.serialized())
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {
                    "type": "object",
                    "$comment": TEXT_OBJECT,
                    "propertyNames": {"pattern": "^[a-z]{2,3}$"},
                    "additionalProperties": {"type": "string", "minLength": 1},
                },
            ],
            "description": "plain text, or {en: ..., vi: ...} with translations",
        }


TEXT_OBJECT = "translations"
"""Marks the object form of a translatable text in the JSON Schema (``model.schemas`` lists the documentary's
languages there)."""

Text = LocalText
"""Translatable plain text."""

