"""Synthetic but valid data sets for the benchmark: N events, P people, and the rest in proportion.

The files are written as a contributor would write them (one YAML file per entry) and go through
the real loader, models and cross-checks; nothing bypasses validation.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from dossier.errors import DataError
from dossier.validate.check import read_documentary

SIZES = {"S": (100, 50), "M": (1000, 300), "L": (10000, 2000)}
"""size -> (events, people)."""

WORDS = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod",
         "tempor", "incididunt", "labore", "dolore", "magna", "aliqua", "enim", "minim", "veniam", "quis", "nostrud",
         "exercitation", "ullamco", "laboris", "nisi", "aliquip", "commodo"]
TAGS = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]


@dataclass(frozen=True)
class Vocabulary:
    """The terms the synthetic data may use: the documentary's own vocabularies and context tag."""

    source_kinds: list[str]
    figure_kinds: list[str]
    agreement_kinds: list[str]
    parts: list[str]
    context_tag: str | None

    @classmethod
    def of(cls, project: Path) -> Vocabulary:
        errors: list[DataError] = []
        site = read_documentary(project, errors)
        assert site is not None, errors
        v = site.vocabularies
        return cls(list(v.source_kinds), list(v.figure_kinds), list(v.agreement_kinds), list(v.parts),
                   site.context_tag)


@dataclass(frozen=True)
class Counts:
    events: int
    people: int

    @property
    def sources(self) -> int:
        return max(5, self.events // 5)

    @property
    def quotes(self) -> int:
        return max(3, self.events // 3)

    @property
    def figures(self) -> int:
        return max(3, self.events // 10)

    @property
    def agreements(self) -> int:
        return max(2, self.events // 50)

    @property
    def organisations(self) -> int:
        return max(5, self.people // 20)


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return (" ".join(words)).capitalize() + "."


def _date(rng: random.Random, i: int) -> str:
    year = 2000 + (i % 26)
    month = 1 + rng.randrange(12)
    day = 1 + rng.randrange(28)
    return rng.choice([f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}",
                       f"{year}"])


PUBLISHED = "2026-01-15"
"""Every synthetic source is published after every synthetic date, as plausibility checks require."""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_data(data: Path, counts: Counts, vocabulary: Vocabulary, seed: int = 1) -> None:
    """Write a valid data set of ``counts`` into ``data`` (one file per entry)."""
    rng = random.Random(seed)
    if data.exists():
        shutil.rmtree(data)
    tags = TAGS + ([vocabulary.context_tag] if vocabulary.context_tag else [])
    _write(data / "tags.yml", "".join(f"- id: {t}\n  label: {t.replace('-', ' ').title()}\n" for t in tags))
    for i in range(counts.sources):
        _write(data / "sources" / f"source-{i}.yml",
               f"id: source-{i}\ntitle: {_sentence(rng, 7)}\npublisher: Publisher {i % 40}\nkind: {vocabulary.source_kinds[i % len(vocabulary.source_kinds)]}\n"
               f"published: {PUBLISHED}\nurl: https://example.org/articles/{i}\nlanguage: en\n")

    def src() -> str:
        return f"source-{rng.randrange(counts.sources)}"

    for i in range(counts.organisations):
        _write(data / "organisations" / f"org-{i}.yml",
               f"id: org-{i}\nname: Organisation {i}\ncountry: {'GB' if i % 2 else 'VN'}\nsources: [{src()}]\n")
    for i in range(counts.people):
        roles = "".join(
            f"  - title: {rng.choice(['Minister', 'Director', 'Deputy Minister', 'Ambassador'])} {k}\n"
            f"    organisation: org-{rng.randrange(counts.organisations)}\n"
            f"    start: {2000 + 8 * k + rng.randrange(4)}\n    end: {2004 + 8 * k + rng.randrange(4)}\n"
            f"    sources: [{src()}]\n"
            for k in range(1 + rng.randrange(3))
        )
        _write(data / "people" / f"person-{i}.yml",
               f"id: person-{i}\nname: Person Number {i}\ncountry: {'GB' if i % 2 else 'VN'}\nroles:\n{roles}"
               f"sources: [{src()}]\n")
    for i in range(counts.agreements):
        items = "".join(f"  - id: item-{k}\n    text: {_sentence(rng, 9)}\n    wording: summary\n"
                        f"    tags: [{rng.choice(tags)}]\n    sources: [{src()}]\n" for k in range(4))
        _write(data / "agreements" / f"agreement-{i}.yml",
               f"id: agreement-{i}\ntitle: Agreement {i}\nkind: {vocabulary.agreement_kinds[i % len(vocabulary.agreement_kinds)]}\ndate: {_date(rng, i)}\n"
               f"summary: {_sentence(rng, 20)}\nsignatories:\n  - person: person-{rng.randrange(counts.people)}\n"
               f"    sources: [{src()}]\nitems:\n{items}sources: [{src()}]\n")
    participants_of: list[list[int]] = []
    for i in range(counts.events):
        people = rng.sample(range(counts.people), k=min(counts.people, 1 + rng.randrange(3)))
        participants_of.append(people)
        participants = "".join(f"  - person: person-{p}\n    part: {rng.choice(vocabulary.parts)}\n" for p in people)
        agreement = f"agreements: [agreement-{rng.randrange(counts.agreements)}]\n" if i % 10 == 0 else ""
        _write(data / "events" / f"event-{i}.yml",
               f"id: event-{i}\ndate: {_date(rng, i)}\ntitle: {_sentence(rng, 6)}\nsummary: {_sentence(rng, 45)}\n"
               f"place: City {i % 30}\nparticipants:\n{participants}tags: [{', '.join(rng.sample(tags, 2))}]\n"
               f"{agreement}sources: [{src()}, {src()}]\n")
    for i in range(counts.quotes):
        event = rng.randrange(counts.events)  # the speaker is one of the event's participants
        _write(data / "quotes" / f"quote-{i}.yml",
               f"id: quote-{i}\ntext: {_sentence(rng, 30)}\nspeaker: {{person: person-{participants_of[event][0]}}}\n"
               f"date: {_date(rng, i)}\nevent: event-{event}\nsources: [{src()}]\n")
    for k in range(min(20, counts.figures)):
        _write(data / "series" / f"series-{k}.yml",
               f"id: series-{k}\ntitle: {_sentence(rng, 5)}\ndescription: {_sentence(rng, 15)}\nunit: people\n")
    for i in range(counts.figures):
        value = rng.randrange(1, 50000)
        year = 1990 + (i // 20) % 35  # each series has one point per year (repeating years get another source)
        _write(data / "figures" / f"figure-{i}.yml",
               f"id: figure-{i}\nlabel: {_sentence(rng, 6)}\nvalue: {value}\n"
               f"unit: people\nkind: {rng.choice(vocabulary.figure_kinds)}\nstated_by: {{organisation: org-{rng.randrange(counts.organisations)}}}\n"
               f"sources: [source-{i % counts.sources}]\ncaveats:\n  - {_sentence(rng, 12)}\nseries: series-{i % 20}\n"
               f"period: {{start: {year}, end: {year}}}\n")


def make_project(source: Path, dest: Path, counts: Counts | None) -> Path:
    """A copy of the project at ``source`` (config, hook file, generator package, docs) with synthetic (or its own) data."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for path in [source / "mkdocs.yml", source / "documentary.yml", *sorted(source.glob("mkdocs.*.yml"))]:
        shutil.copy(path, dest / path.name)
    for name in ("hooks", "src", "docs"):
        shutil.copytree(source / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    if counts is None:
        shutil.copytree(source / "data", dest / "data")
    else:
        write_data(dest / "data", counts, Vocabulary.of(dest))
        config = dest / "documentary.yml"  # the home page's series: one the synthetic data has
        text = config.read_text(encoding="utf-8")
        config.write_text(re.sub(r"(?m)^featured_series: .*$", "featured_series: series-0", text), encoding="utf-8")
    return dest


def write_baseline(dest: Path, counts: Counts, seed: int = 1) -> Path:
    """The same number of equivalent pages written as plain Markdown for a stock mkdocs-material site."""
    rng = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    docs = dest / "docs"
    index_links: dict[str, list[str]] = {"events": [], "people": [], "agreements": []}
    for i in range(counts.events):
        _write(docs / "events" / f"event-{i}.md",
               f"---\nsearch:\n  exclude: false\n---\n# {_sentence(rng, 6)}\n\n*{_date(rng, i)}* · City {i % 30}\n\n"
               f"{_sentence(rng, 45)} [1](../../sources/#source-{i % counts.sources})\n\n"
               f"Participants: [Person {i % counts.people}](../people/person-{i % counts.people}.md)\n")
        index_links["events"].append(f"- [Event {i}](../events/event-{i}.md)")
    for i in range(counts.people):
        _write(docs / "people" / f"person-{i}.md",
               f"# Person Number {i}\n\n## Roles\n\n1. Minister, Organisation {i % 20}: 2000 to 2004 [1](../../sources/)\n")
        index_links["people"].append(f"- [Person {i}](person-{i}.md)")
    for i in range(counts.agreements):
        _write(docs / "agreements" / f"agreement-{i}.md",
               f"# Agreement {i}\n\n{_sentence(rng, 20)}\n\n" + "".join(f"1. {_sentence(rng, 9)}\n" for _ in range(4)))
        index_links["agreements"].append(f"- [Agreement {i}](agreement-{i}.md)")
    _write(docs / "index.md", "# Home\n\nA documentary site.\n")
    _write(docs / "timeline" / "index.md", "# Timeline\n\n" + "\n".join(index_links["events"]) + "\n")
    _write(docs / "people" / "index.md", "# People\n\n" + "\n".join(index_links["people"]) + "\n")
    _write(docs / "agreements" / "index.md", "# Agreements\n\n" + "\n".join(index_links["agreements"]) + "\n")
    _write(docs / "sources" / "index.md", "# Sources\n\n" + "".join(
        f"## Source {i} {{#source-{i}}}\n\nhttps://example.org/articles/{i}\n\n" for i in range(counts.sources)))
    _write(dest / "mkdocs.yml", """\
site_name: Baseline
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions:
  - attr_list
not_in_nav: |
  /events/
  /people/person-*
  /agreements/agreement-*
nav:
  - Home: index.md
  - Timeline: timeline/index.md
  - People: people/index.md
  - Agreements: agreements/index.md
  - Sources: sources/index.md
""")
    return dest


def write_baseline_editions(baseline: Path, dest: Path, language: str = "vi") -> Path:
    """The stock baseline's second edition: the same pages, its theme in ``language`` (a stock Material site in
    two languages is two such builds, one per language)."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(baseline, dest, ignore=shutil.ignore_patterns("site"))
    config = dest / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  name: material\n", f"  name: material\n  language: {language}\n", 1), encoding="utf-8")
    return dest


HUGO_PAGE = """<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">
<title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>
"""


def write_hugo(baseline: Path, dest: Path) -> Path:
    """The baseline's Markdown as a Hugo project in two languages (the same pages in each), with one
    minimal page layout: the speed of another generator on the same pages. ``index.md`` becomes ``_index.md``
    (in Hugo an ``index.md`` would make its folder's other pages resources of one page)."""
    if dest.exists():
        shutil.rmtree(dest)
    docs = baseline / "docs"
    for md in docs.rglob("*.md"):
        rel = md.relative_to(docs)
        for language in ("en", "vi"):  # one content folder per language, the same pages in each
            target = dest / "content" / language / (rel.with_name("_index.md") if rel.name == "index.md" else rel)
            _write(target, md.read_text(encoding="utf-8"))
    for name in ("single", "list", "home"):
        _write(dest / "layouts" / f"{name}.html", HUGO_PAGE)
    _write(dest / "hugo.toml", """\
baseURL = "https://example.org/"
title = "Baseline"
defaultContentLanguage = "en"
disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
[markup.goldmark.parser.attribute]
  block = true
  title = true
[languages.en]
  weight = 1
  contentDir = "content/en"
[languages.vi]
  weight = 2
  contentDir = "content/vi"
""")
    return dest
