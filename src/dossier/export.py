"""The generated site as a plain tree any static site engine can build: ``dossier render DIR``.

No MkDocs here and no call back into Python while an engine builds. For each edition, ``DIR/<language>/``
holds a configuration (``mkdocs.yml``, read by MkDocs, ProperDocs and Zensical alike) with no hooks, and
``docs/``: the hand-written pages in the edition's language, one Markdown file per generated page (front
matter: title, description, search exclusion; body: its schema.org data and the HTML the generator rendered,
escaped data inside),
the downloads, feeds, schemas and the generator's assets. One edition per configuration: Zensical builds
one language per project (docs/about/engines.md). ``DIR/editions.json`` tells ``dossier postbuild DIR``
(``finish``) how to join the built editions into one site.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml

from dossier import editions, postbuild
from dossier.build import THEME, prepare
from dossier.editions import config_path
from dossier.model.site import Edition
from dossier.validate.check import validate_project

KEPT = ("site_name", "site_description", "copyright", "use_directory_urls", "nav", "markdown_extensions")
"""What the export keeps of an edition's MkDocs configuration; hooks, plugins of ours and theme overrides go."""


class _Config(yaml.SafeLoader):
    """mkdocs.yml as data: ``!ENV [NAME, ..., default]`` gives the first variable set, else the default (as MkDocs)."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    value = (loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode)
             else [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else [])
    names, default = (value[:-1], value[-1]) if len(value) > 1 else (value, None)
    return next((os.environ[str(n)] for n in names if str(n) in os.environ), default)


class PythonName(str):
    """``!!python/name:markdown.extensions.toc.slugify_unicode``: kept as written, for the engine to resolve."""


class _Dumper(yaml.SafeDumper):
    pass


_Config.add_constructor("!ENV", _env)
_Config.add_multi_constructor("tag:yaml.org,2002:python/name:", lambda loader, suffix, node: PythonName(suffix))
_Dumper.add_representer(PythonName, lambda dumper, value: dumper.represent_scalar(
    f"tag:yaml.org,2002:python/name:{value}", ""))


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' ``INHERIT``: mappings merge, everything else (lists included) is replaced."""
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def read_config(path: Path) -> dict[str, Any]:
    """An MkDocs configuration file with its ``INHERIT`` chain resolved."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Config) or {}  # noqa: S506 - a SafeLoader subclass
    parent = data.pop("INHERIT", None)
    return _merge(read_config(path.parent / parent), data) if parent else data


def engine_config(root: Path, edition: Edition) -> dict[str, Any]:
    """The configuration of one edition's exported tree: the edition's own texts and navigation, Material with
    its language and palette, its search in the record's languages, and the generator's stylesheet."""
    source = read_config(root / "mkdocs.yml" if not edition.prefix else config_path(root, edition))
    config = {key: source[key] for key in KEPT if key in source}
    theme = {k: v for k, v in dict(source.get("theme") or {}).items() if k != "custom_dir"}
    search = [p for p in source.get("plugins") or [] if p == "search" or (isinstance(p, dict) and "search" in p)]
    return {**config, "docs_dir": "docs", "site_dir": "site", "theme": theme, "plugins": search or ["search"],
            "extra_css": ["assets/dossier/dossier.css"], "extra_javascript": ["assets/dossier/filters.js"],
            "extra": {"generator": False}}


def _front_matter(page: Any) -> str:
    meta: dict[str, Any] = {"title": page.title, "description": page.description}
    if page.search_exclude:
        meta["search"] = {"exclude": True}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n\n"


def _hand_written(root: Path, docs: Path, language: str) -> None:
    """The hand-written pages of ``root/docs`` in the edition's language (``editions.hand_written``)."""
    source = root / "docs"
    files = [p.relative_to(source).as_posix() for p in sorted(source.rglob("*")) if p.is_file()]
    for address, file in editions.hand_written(files, language).items():
        target = docs / address
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / file, target)


def render_tree(root: Path, out: Path) -> list[Path]:
    """Validate ``root`` once, then write every edition's tree under ``out``; the configurations written.
    Raises ``DataInvalid`` before anything is written when the data or documentary.yml is invalid."""
    validated = validate_project(root)
    site = validated[0]
    base = read_config(root / "mkdocs.yml")
    custom = (base.get("theme") or {}).get("custom_dir")
    extra = {"site_url": base.get("site_url") or ""}
    builds = [(e, prepare(root, root / custom if custom else None, extra=extra, language=e.language,
                          validated=validated)) for e in site.all_editions]
    written = []
    for edition, build in builds:
        folder = out / edition.language
        if folder.exists():
            shutil.rmtree(folder)
        docs = folder / "docs"
        _hand_written(root, docs, edition.language)
        for page in build.pages:  # at <url>/index.md: an engine resolving the body's links from its file finds them
            target = docs / page.url / "index.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            data = f'<script type="application/ld+json">{page.jsonld}</script>\n' if page.jsonld else ""  # <>& escaped
            target.write_text(_front_matter(page) + data + page.body + "\n", encoding="utf-8")
        for generated in build.files:  # downloads, feeds, schemas, the Open Graph card
            target = docs / generated.path
            target.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(generated.content, bytes):
                target.write_bytes(generated.content)
            else:
                target.write_text(generated.content, encoding="utf-8")
        shutil.copytree(THEME / "assets", docs / "assets", dirs_exist_ok=True)
        config = folder / "mkdocs.yml"
        config.write_text(yaml.dump(engine_config(root, edition), Dumper=_Dumper, allow_unicode=True,
                                    sort_keys=False), encoding="utf-8")
        written.append(config)
    known = [postbuild.Edition(e.language, e.prefix, editions.not_found(site, e, extra["site_url"]))
             for e in site.all_editions]
    (out / postbuild.MANIFEST).write_text(postbuild.manifest(extra["site_url"], known), encoding="utf-8")
    return written


def finish(out: Path) -> postbuild.Report:
    """``dossier postbuild DIR``: join the sites an engine built in ``DIR/<language>/site/`` into ``DIR/site/``
    and run the post-build step on it (``postbuild.assemble``), with the site address recorded at render time.
    Raises FileNotFoundError, naming what is missing, when ``DIR`` holds no rendered and built tree."""
    manifest = out / postbuild.MANIFEST
    if not manifest.is_file():
        raise FileNotFoundError(f"{manifest} (hint: run `dossier render {out}` first)")
    recorded, known = postbuild.read_manifest(manifest)
    built = {e.language: out / e.language / "site" for e in known}
    for language, folder in built.items():
        if not (folder / "index.html").is_file():
            raise FileNotFoundError(f"{folder / 'index.html'} (hint: build {out / language / 'mkdocs.yml'} first)")
    return postbuild.assemble(built, out / "site", recorded, known)
