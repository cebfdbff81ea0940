"""The page types of a documentary site, one object each, in the order of the site.

``PAGE_TYPES``: the index pages a documentary may list in documentary.yml's ``pages`` (in the
navigation); ``ENTRY_TYPES``: the pages of entries (one per event, person, agreement), reached from
them. The site map, the page plan, the configuration check and the samples read these tuples; a new
page type is a module here, one line below and a template.
"""

from __future__ import annotations

from typing import Any

from dossier.render.pages.base import ByYear, EntryPages, Page, PageType
from dossier.render.pages.context import Context
from dossier.render.pages.entries import AgreementPages, EventPages, PersonPages
from dossier.render.pages.home import Home
from dossier.render.pages.simple import Agreements, Corrections, Figures, Glossary, People
from dossier.render.pages.sources import Sources
from dossier.render.pages.timeline import Timeline

PAGE_TYPES: tuple[PageType, ...] = (Home(), Timeline(), People(), Agreements(), Figures(), Context(), Sources(),
                                    Corrections(), Glossary())
BY_KEY = {p.key: p for p in PAGE_TYPES}
PAGE_KEYS = tuple(p.key for p in PAGE_TYPES)
"""The keys documentary.yml's ``pages`` may have."""
REQUIRED = tuple(p.key for p in PAGE_TYPES if p.required)
"""The keys of the pages every documentary has."""

ENTRY_TYPES: tuple[EntryPages[Any], ...] = (EventPages(), PersonPages(), AgreementPages())
"""The entry page types: one per kind declared with a page template (``model.kinds.PAGED``)."""

__all__ = ["BY_KEY", "ENTRY_TYPES", "PAGE_KEYS", "PAGE_TYPES", "REQUIRED", "ByYear", "EntryPages", "Page", "PageType"]
