"""The ``dossier`` command: start a documentary anywhere on disk, and keep its editor schemas current.

- ``dossier init DIR``: writes a working minimal documentary into DIR (an empty or new folder): mkdocs.yml
  with the generator as a plugin (no path to this repository), documentary.yml, one entry of each kind in
  data/, an About page, and schemas/ for editor completion. ``mkdocs build --strict`` passes on it at once.
- ``dossier schemas DIR``: writes DIR/schemas/ again from the models, for the documentary's languages.
- ``dossier render DIR [--root PROJECT]``: writes the whole generated site as a plain tree for any engine, one
  folder per edition (``DIR/<language>/mkdocs.yml`` and ``docs/``; ``dossier.export``).
- ``dossier postbuild DIR``: once an engine has built each ``DIR/<language>/``, joins the editions
  into ``DIR/site/`` and runs the post-build step on it: each page's security policy, the sitemaps with their
  language alternates, each edition's 404 page (``dossier.postbuild``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from dossier.errors import DataError
from dossier.model.schemas import dump, schemas
from dossier.render.pages import PAGE_KEYS
from dossier.validate.check import read_documentary
from dossier.validate.leftovers import SCAFFOLD

NEXT_STEPS = """\
Wrote a new documentary in {dir}. Next:
  1. cd {dir} and run `mkdocs serve` (or `mkdocs build --strict`): it builds as it is.
  2. Replace the examples: documentary.yml (title, author, licence, page texts), mkdocs.yml (site name,
     address, copyright) and docs/about/index.md; the build lists every example value still unchanged.
  3. Replace the example entries in data/ with your own, each citing its sources.
  4. Leave out what you do not need: a kind's files, then its page in documentary.yml and mkdocs.yml's nav.
  5. Another language: add it to documentary.yml's `editions` and write mkdocs.<lang>.yml (README)."""


def write_schemas(root: Path) -> int:
    """``root/schemas/*.json`` from the models, with the documentary's languages; 1 when documentary.yml is invalid."""
    errors: list[DataError] = []
    site = read_documentary(root, errors)
    if site is None:
        print("\n".join(str(e) for e in errors), file=sys.stderr)
        return 1
    out = root / "schemas"
    out.mkdir(exist_ok=True)
    for name, schema in schemas(PAGE_KEYS, site.languages).items():
        (out / name).write_text(dump(schema), encoding="utf-8")
    return 0


def init(target: Path) -> int:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"error: {target} exists and is not an empty folder (hint: name a new folder)", file=sys.stderr)
        return 1
    shutil.copytree(SCAFFOLD, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    if write_schemas(target):
        return 1
    print(NEXT_STEPS.format(dir=target))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dossier", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("init", help="write a working minimal documentary into DIR").add_argument("dir", type=Path)
    commands.add_parser("schemas", help="write DIR/schemas/ again from the models").add_argument("dir", type=Path)
    render = commands.add_parser("render", help="write the generated site as a plain tree for any engine into DIR")
    render.add_argument("dir", type=Path)
    render.add_argument("--root", type=Path, default=Path.cwd(), help="the documentary (default: here)")
    finish = commands.add_parser("postbuild", help="join the editions an engine built from DIR into DIR/site and "
                                 "secure it, with sitemaps and 404 pages")
    finish.add_argument("dir", type=Path)
    args = parser.parse_args(argv)
    if args.command == "init":
        return init(args.dir)
    if args.command == "render":
        return render_tree_command(args.root, args.dir)
    if args.command == "postbuild":
        return postbuild_command(args.dir)
    return write_schemas(args.dir)


def render_tree_command(root: Path, out: Path) -> int:
    from dossier.errors import DataInvalid
    from dossier.export import render_tree

    try:
        written = render_tree(root.resolve(), out)
    except DataInvalid as exc:
        print("\n".join(str(e) for e in exc.errors), file=sys.stderr)
        return 1
    for config in written:
        print(f"wrote {config.parent}: build it with `zensical build -f {config}` (or mkdocs, properdocs)")
    return 0


def postbuild_command(out: Path) -> int:
    from dossier.export import finish

    try:
        report = finish(out)
    except FileNotFoundError as exc:
        print(f"error: missing {exc}", file=sys.stderr)
        return 1
    print(f"wrote {out / 'site'}: {report.pages} pages ({report.secured} given their security policy), "
          f"sitemaps {', '.join(report.sitemaps)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
