"""Benchmark: validation and build time, the project's own share, memory and size, against a baseline.

Usage: python scripts/bench.py [--sizes S,M,L] [--no-page] [--out DIR]

For each size (S: 100 events/50 people, M: 1,000/300, L: 10,000/2,000, with sources, quotes,
figures and agreements in proportion) it generates valid synthetic data, then measures in fresh
processes: `scripts/validate.py`; a full `mkdocs build --strict` (wall time, peak memory, the
time spent inside our hooks); site and search-index size; and the same build figures for a
baseline — a stock mkdocs-material site with the same number of equivalent pages written as
Markdown. It also measures the `mkdocs serve` rebuild after one event file changes, at the
shipped data size, at M and at L. The table is printed and written to docs/about/performance.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import queue
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dossier.devtools.synthetic import SIZES, Counts, make_project, write_baseline, write_baseline_editions, write_hugo

ROOT = Path(__file__).resolve().parent.parent

PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
# Runs a command and prints the peak resident memory (KiB) of its process tree's largest member.
PEAK = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)")

HUGO = str(Path(found).resolve()) if (found := os.environ.get("HUGO") or shutil.which("hugo")) else None
"""The Hugo binary (`make bench` installs it in tools/hugo/.venv); without one, Hugo is not measured."""


@dataclass
class Run:
    seconds: float
    peak_mb: float
    own: dict[str, float] = field(default_factory=dict)


def timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    t0 = time.perf_counter()
    result = subprocess.run([PY, "-c", PEAK, *cmd], cwd=cwd, env=env or ENV, capture_output=True, text=True,
                            check=False)
    seconds = time.perf_counter() - t0
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{result.stderr[-3000:]}")
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    return Run(seconds, peak_kb / 1024)


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def heaviest(site: Path) -> tuple[str, float]:
    """The heaviest index page (HTML alone, gzip level 6, KB), over both editions: entry pages (one event,
    person or agreement) are bounded by their entry; index pages are what could grow with the record."""
    best = ("", 0.0)
    for html in site.rglob("index.html"):
        rel = html.relative_to(site)
        if len(rel.parts) >= 3 and rel.parts[-3] in ("events", "people", "agreements"):
            continue
        kb = len(gzip.compress(html.read_bytes(), 6)) / 1024
        if kb > best[1]:
            best = (str(rel.parent) + "/", kb)
    return best


def build(project: Path, ours: bool, editions: str | None = None) -> tuple[Run, int, int]:
    """One `mkdocs build --strict`: every edition, or only ``editions`` (DOSSIER_EDITIONS, e.g. 'en')."""
    timings = project / "timings.json"
    env = {**ENV, "DOSSIER_TIMINGS": str(timings)} if ours else dict(ENV)
    if editions:
        env["DOSSIER_EDITIONS"] = editions
    run = timed([PY, "-m", "mkdocs", "build", "--strict", "-q"], project, env)
    if ours:
        data = json.loads(timings.read_text())
        run.own = {**data["hooks"], **{f"stage {k}": v for k, v in data["stages"].items()}}
    site = project / "site"
    return run, dir_size(site), (site / "search" / "search_index.json").stat().st_size


def stock_two_languages(baseline: Path, dest: Path) -> tuple[Run, int, int]:
    """A stock Material site in two languages with the same pages: the baseline, and the same pages with the
    theme in Vietnamese, built one after the other (seconds, sizes: both; peak memory: the larger)."""
    en, en_site, en_index = build(baseline, ours=False)
    vi, vi_site, vi_index = build(write_baseline_editions(baseline, dest), ours=False)
    return Run(en.seconds + vi.seconds, max(en.peak_mb, vi.peak_mb)), en_site + vi_site, en_index + vi_index


def hugo(baseline: Path, dest: Path) -> float | None:
    """Seconds for Hugo to build the baseline's Markdown in two languages (None without a Hugo binary)."""
    if not HUGO:
        return None
    project = write_hugo(baseline, dest)
    return timed([HUGO, "--quiet", "-d", str(project / "public")], project).seconds


def floor(site: Path) -> float:
    """The physical floor: seconds to write the bytes of ``site`` (every file, as read into memory) to disk."""
    files = [(p.relative_to(site), p.read_bytes()) for p in site.rglob("*") if p.is_file()]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        for rel, data in files:
            target = Path(tmp) / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


EDITS = {
    "data": "an event file (data/events/)",
    "code": "a Python module of the generator (render/feeds.py)",
    "template": "a page template (src/dossier/theme/dossier/event.html)",
}
"""What a serve measurement saves, by name."""


SUMMARY = re.compile(r'^summary:[ \t]*(?:\n[ \t]+en:[ \t]*)?(?:>-?\n[ \t]+|")?', re.M)
"""Where an event file's summary text starts (plain, quoted or folded; inline or under the base language)."""


def _edited(project: Path, edit: str) -> tuple[Path, Callable[[str, int], str]]:
    """The file an edit touches, and how round ``i`` changes its text."""
    if edit == "data":  # the summary, inline ('summary: …') or the base language's ('summary:' then '  en: …')
        def change(text: str, i: int) -> str:
            edited = SUMMARY.sub(lambda m: f"{m.group(0)}Edit {i}. ", text, count=1)
            if edited == text:
                raise SystemExit("bench: the event file has no summary to edit: the measurement would be of nothing")
            return edited
        return sorted((project / "data" / "events").glob("*.yml"))[0], change
    if edit == "code":
        return project / "src" / "dossier" / "render" / "feeds.py", lambda text, i: text + f"\n# edit {i}\n"
    template = project / "src" / "dossier" / "theme" / "dossier" / "event.html"
    return template, lambda text, i: text + f"\n{{# edit {i} #}}\n"


SERVE_MODES = {
    "both": ("both editions (`make serve`)", ["--dirty"], {}),
    "en": ("English only (`make serve EDITION=en`)", ["--dirty"], {"DOSSIER_EDITIONS": "en"}),
    "vi": ("Vietnamese only (`make serve EDITION=vi`)", ["--dirty", "-f", "mkdocs.vi.yml"], {}),
}
"""How `mkdocs serve` runs (as `make serve` does: ``--dirty``, only changed pages rebuilt): every edition, or only
the one being edited."""


def serve_rebuild(project: Path, edit: str = "data", rounds: int = 3, mode: str = "both") -> tuple[float, float]:
    """(wall seconds from saving a file to 'Reloading browsers', MkDocs' own 'built in' seconds), medians.

    The project's own copy of the package comes first on PYTHONPATH, so a code edit there is one
    the server must pick up (through ``dossier.adapters.session``) without a restart.
    """
    port = free_port()
    _, args, extra = SERVE_MODES[mode]
    env = {**ENV, "PYTHONPATH": str(project / "src"), **extra}
    proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", *args, "-a", f"127.0.0.1:{port}"], cwd=project, env=env,
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, bufsize=1)
    assert proc.stderr is not None
    lines: queue.Queue[str] = queue.Queue()
    stderr = proc.stderr

    def read() -> None:
        for line in stderr:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()

    def wait_for(pattern: str, timeout: float = 600, seen: list[str] | None = None) -> re.Match[str]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                if proc.poll() is not None:
                    raise SystemExit(f"mkdocs serve exited with {proc.returncode} in {project}") from None
                continue
            if seen is not None:
                seen.append(line)
            m = re.search(pattern, line)
            if m:
                return m
        raise SystemExit(f"mkdocs serve: no '{pattern}' within {timeout} s")

    try:
        wait_for(r"Serving on")
        target, change = _edited(project, edit)
        original = target.read_text(encoding="utf-8")
        walls, builts = [], []
        for i in range(rounds):
            time.sleep(1.0)
            t0 = time.perf_counter()
            target.write_text(change(original, i), encoding="utf-8")
            # MkDocs drops a log line identical to an earlier one, so "built in 0.41 seconds" may be
            # missing; "Reloading browsers" carries a time stamp and always shows.
            seen: list[str] = []
            wait_for(r"Reloading browsers", seen=seen)
            walls.append(time.perf_counter() - t0)
            built = [float(m.group(1)) for line in seen if (m := re.search(r"built in ([0-9.]+) seconds", line))]
            if built:
                builts.append(built[-1])
        target.write_text(original, encoding="utf-8")
        return sorted(walls)[len(walls) // 2], sorted(builts)[len(builts) // 2] if builts else float("nan")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def fmt_mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="S,M,L")
    parser.add_argument("--out", default=str(ROOT / "bench-out"))
    parser.add_argument("--no-page", action="store_true", help="do not write docs/about/performance.md")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve rebuild measurement")
    parser.add_argument("--serve-sizes", default="shipped,M,L", help="data for the serve measurement: shipped, M, L")
    args = parser.parse_args(argv)
    out = Path(args.out)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    rows: dict[str, dict[str, Any]] = {}
    for size in sizes:
        counts = Counts(*SIZES[size])
        print(f"[{size}] generating {counts.events} events, {counts.people} people ...", flush=True)
        project = make_project(ROOT, out / size / "project", counts)
        baseline = write_baseline(out / size / "baseline", counts)
        validation = timed([PY, str(ROOT / "scripts" / "validate.py"), "data"], project)
        print(f"[{size}] validate {validation.seconds:.2f} s; building ...", flush=True)
        ours, site_bytes, index_bytes = build(project, ours=True)
        heavy = heaviest(project / "site")
        print(f"[{size}] build {ours.seconds:.2f} s; English edition alone ...", flush=True)
        english, _, _ = build(project, ours=False, editions="en")
        written = floor(project / "site")
        print(f"[{size}] English alone {english.seconds:.2f} s; baseline ...", flush=True)
        base, base_site, base_index = build(baseline, ours=False)
        print(f"[{size}] baseline {base.seconds:.2f} s; in two languages, Hugo ...", flush=True)
        base2, base2_site, base2_index = stock_two_languages(baseline, out / size / "baseline-vi")
        hugo_seconds = hugo(baseline, out / size / "hugo")
        own = sum(v for k, v in ours.own.items() if not k.startswith("stage"))
        pages = counts.events + counts.people + counts.agreements
        rows[size] = {
            "events": counts.events, "people": counts.people, "pages": pages,
            "validate": validation.seconds, "build": ours.seconds, "own": own, "own_share": own / ours.seconds,
            "stages": {k: round(v, 3) for k, v in ours.own.items()},
            "peak_mb": ours.peak_mb, "site": site_bytes, "index": index_bytes,
            "base_build": base.seconds, "base_peak_mb": base.peak_mb, "base_site": base_site,
            "base_index": base_index, "vs_baseline": ours.seconds / base.seconds,
            "english_build": english.seconds, "vs_english": ours.seconds / english.seconds,
            "heaviest": heavy,
            "base2_build": base2.seconds, "base2_peak_mb": base2.peak_mb, "base2_site": base2_site,
            "base2_index": base2_index, "vs_base2": ours.seconds / base2.seconds, "hugo": hugo_seconds,
            "floor": written,
        }
    serve: dict[str, tuple[float, float]] = {}
    serve_sizes = [] if args.no_serve else [s.strip() for s in args.serve_sizes.split(",") if s.strip()]
    if "shipped" in serve_sizes:
        for edit in EDITS:
            print(f"[serve] shipped data, {edit} edit ...", flush=True)
            project = make_project(ROOT, out / f"serve-shipped-{edit}", None)
            serve[f"shipped data, {SERVE_MODES['both'][0]} | {EDITS[edit]}"] = serve_rebuild(project, edit)
        for mode in ("en", "vi"):
            print(f"[serve] shipped data, data edit, {mode} only ...", flush=True)
            project = make_project(ROOT, out / f"serve-shipped-data-{mode}", None)
            serve[f"shipped data, {SERVE_MODES[mode][0]} | {EDITS['data']}"] = serve_rebuild(project, "data",
                                                                                               mode=mode)
    for size in ("M", "L"):
        if size in serve_sizes:
            print(f"[serve] {size}, data edit ...", flush=True)
            serve[f"{size} | {EDITS['data']}"] = serve_rebuild(make_project(ROOT, out / f"serve-{size}",
                                                                            Counts(*SIZES[size])))
    text = report(rows, serve)
    print(text)
    (out / "results.json").write_text(json.dumps({"rows": rows, "serve": serve}, indent=2))
    if not args.no_page:
        (ROOT / "docs" / "about" / "performance.md").write_text(page(text), encoding="utf-8")
        (ROOT / "docs" / "about" / "performance.vi.md").write_text(page(report(rows, serve, "vi"), "vi"),
                                                                   encoding="utf-8")
        print("wrote docs/about/performance.md and performance.vi.md")
    return 0


WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "head": "| size | pages | validate | build, both editions | English alone | both ÷ English | own code "
                "| own share | baseline build | build ÷ baseline | peak memory (baseline) | site (baseline) "
                "| search index (baseline) |",
        "size": "{size} ({events} events, {people} people)", "ratio": "M → L build time ratio: {r} (pages ×{p}); "
        "baseline: {b}.", "serve": "| `mkdocs serve` rebuild: data and editions | file saved | wall, save → browsers "
        "reloaded | MkDocs' own 'built in' |", "stages": "Time inside our code per stage, both editions (seconds): ",
        "s": "s", "modes": {}, "edits": {},
        "compare": "| size | build, both editions | stock Material, two languages | ÷ | Hugo, two languages | ÷ "
                   "| floor: writing our site's bytes | ÷ | site per edition ÷ stock "
                   "| search index per edition ÷ stock |",
        "unmeasured": "not measured (no `hugo`: `make bench` installs it)",
        "targets": "| target (issue 23) | this run | met |",
        "met": {True: "yes", False: "**no**", None: "not measured"},
        "heaviest": "Heaviest index page, its HTML alone, gzip (the first-load budget of 100 KB covers HTML, CSS "
                    "and JavaScript together; `make audit` measures it on the shipped site): ",
    },
    "vi": {
        "head": "| cỡ | số trang | kiểm tra | dựng, cả hai ấn bản | chỉ tiếng Anh | cả hai ÷ tiếng Anh | mã của dự án "
                "| tỷ lệ mã của dự án | dựng trang đối chứng | dựng ÷ đối chứng | bộ nhớ đỉnh (đối chứng) "
                "| dung lượng trang (đối chứng) | chỉ mục tìm kiếm (đối chứng) |",
        "size": "{size} ({events} sự kiện, {people} người)", "ratio": "Tỷ lệ thời gian dựng M → L: {r} (số trang "
        "×{p}); đối chứng: {b}.", "serve": "| Dựng lại khi chạy `mkdocs serve`: dữ liệu và ấn bản | tệp được lưu "
        "| thời gian thực, từ lúc lưu đến khi trình duyệt tải lại | thời gian 'built in' của MkDocs |",
        "stages": "Thời gian trong mã của dự án theo từng bước, cả hai ấn bản (giây): ", "s": "giây",
        "compare": "| cỡ | dựng, cả hai ấn bản | Material thông thường, hai ngôn ngữ | ÷ | Hugo, hai ngôn ngữ | ÷ "
                   "| mức sàn: ghi các byte của trang | ÷ | dung lượng mỗi ấn bản ÷ đối chứng "
                   "| chỉ mục tìm kiếm mỗi ấn bản ÷ đối chứng |",
        "unmeasured": "chưa đo (không có `hugo`: `make bench` cài đặt nó)",
        "targets": "| mục tiêu (issue 23) | lần chạy này | đạt |",
        "met": {True: "đạt", False: "**chưa đạt**", None: "chưa đo"},
        "heaviest": "Trang chỉ mục nặng nhất, chỉ riêng HTML, nén gzip (ngân sách tải lần đầu 100 KB gồm cả HTML, "
                    "CSS và JavaScript; `make audit` đo ngân sách này trên trang hiện có): ",
        "modes": {"both editions (`make serve`)": "cả hai ấn bản (`make serve`)",
                  "English only (`make serve EDITION=en`)": "chỉ tiếng Anh (`make serve EDITION=en`)",
                  "Vietnamese only (`make serve EDITION=vi`)": "chỉ tiếng Việt (`make serve EDITION=vi`)",
                  "shipped data": "dữ liệu hiện có", "M": "M"},
        "edits": {"an event file (data/events/)": "một tệp sự kiện (data/events/)",
                  "a Python module of the generator (render/feeds.py)": "một mô-đun Python của bộ sinh trang "
                  "(render/feeds.py)",
                  "a page template (src/dossier/theme/dossier/event.html)": "một khuôn mẫu trang "
                  "(src/dossier/theme/dossier/event.html)"},
    },
}
"""The words of the performance page, in each edition's language (numbers are formatted the same)."""


def _serve_wall(serve: dict[str, tuple[float, float]], where: str) -> float | None:
    return next((wall for name, (wall, _) in serve.items() if name == f"{where} | {EDITS['data']}"), None)


def targets(rows: dict[str, dict[str, Any]], serve: dict[str, tuple[float, float]]
            ) -> list[tuple[tuple[str, str], str, bool | None]]:
    """Issue 23's targets: ((name, name in Vietnamese), what this run measured, met; None: not measured)."""
    out: list[tuple[tuple[str, str], str, bool | None]] = []

    def add(names: tuple[str, str], value: float | None, limit: float, unit: str = " s") -> None:
        out.append((names, "–" if value is None else f"{value:.2f}{unit}", None if value is None else value <= limit))

    add(("`mkdocs serve`, an event saved, shipped data, both editions ≤ 1.0 s",
         "`mkdocs serve`, lưu một sự kiện, dữ liệu hiện có, cả hai ấn bản ≤ 1,0 giây"),
        _serve_wall(serve, f"shipped data, {SERVE_MODES['both'][0]}"), 1.0)
    add(("the same at M ≤ 1.5 s", "như trên, cỡ M ≤ 1,5 giây"), _serve_wall(serve, "M"), 1.5)
    add(("the same at L ≤ 3 s", "như trên, cỡ L ≤ 3 giây"), _serve_wall(serve, "L"), 3.0)
    worst = max((r["vs_base2"] for r in rows.values()), default=None)
    add(("build ÷ stock Material in two languages ≤ 1.2× at every size",
         "dựng ÷ Material thông thường hai ngôn ngữ ≤ 1,2× ở mọi cỡ"), worst, 1.2, "×")
    large = rows.get("L")
    add(("our code's share of the L build ≤ 10 %", "phần mã của dự án trong lần dựng L ≤ 10 %"),
        100 * large["own_share"] if large else None, 10, " %")
    add(("validation at L ≤ 2 s", "kiểm tra ở cỡ L ≤ 2 giây"), large["validate"] if large else None, 2.0)
    add(("peak memory at L ≤ 500 MB", "bộ nhớ đỉnh ở cỡ L ≤ 500 MB"), large["peak_mb"] if large else None, 500,
        " MB")
    add(("site per edition ÷ stock ≤ 1.3× (the largest ratio)",
         "dung lượng mỗi ấn bản ÷ đối chứng ≤ 1,3× (tỷ lệ lớn nhất)"),
        max((r["site"] / r["base2_site"] for r in rows.values()), default=None), 1.3, "×")
    add(("search index per edition ÷ stock ≤ 1.3×", "chỉ mục tìm kiếm mỗi ấn bản ÷ đối chứng ≤ 1,3×"),
        max((r["index"] / r["base_index"] for r in rows.values()), default=None), 1.3, "×")
    add(("heaviest index page ≤ 100 KB gzip (HTML alone here) at every size",
         "trang chỉ mục nặng nhất ≤ 100 KB gzip (ở đây chỉ HTML) ở mọi cỡ"),
        max((r["heaviest"][1] for r in rows.values()), default=None), 100, " KB")
    step = rows["L"]["build"] / rows["M"]["build"] if "M" in rows and "L" in rows else None
    out.append((("M → L build ×10 ± 10 % (linear); XL not measured", "dựng M → L ×10 ± 10 % (tuyến tính); chưa đo XL"),
                "–" if step is None else f"×{step:.1f}", None if step is None else 9.0 <= step <= 11.0))
    return out


def report(rows: dict[str, dict[str, Any]], serve: dict[str, tuple[float, float]], lang: str = "en") -> str:
    w = WORDS[lang]
    sec = w["s"]
    lines = [w["head"], "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, r in rows.items():
        label = w["size"].format(size=size, events=f"{r['events']:,}", people=f"{r['people']:,}")
        lines.append(
            f"| {label} | {r['pages']:,} | {r['validate']:.2f} {sec} | {r['build']:.2f} {sec} "
            f"| {r['english_build']:.2f} {sec} | {r['vs_english']:.2f}× | {r['own']:.2f} {sec} "
            f"| {100 * r['own_share']:.1f} % | {r['base_build']:.2f} {sec} "
            f"| {r['vs_baseline']:.2f}× | {r['peak_mb']:.0f} MB ({r['base_peak_mb']:.0f} MB) "
            f"| {fmt_mb(r['site'])} ({fmt_mb(r['base_site'])}) | {fmt_mb(r['index'])} ({fmt_mb(r['base_index'])}) |"
        )
    lines += ["", w["compare"], "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, r in rows.items():
        hugo_cells = (f"{r['hugo']:.2f} {sec} | {r['build'] / r['hugo']:.1f}×" if r.get("hugo") else
                      f"{w['unmeasured']} | –")
        lines.append(
            f"| {size} | {r['build']:.2f} {sec} | {r['base2_build']:.2f} {sec} | {r['vs_base2']:.2f}× | {hugo_cells} "
            f"| {r['floor']:.2f} {sec} | {r['build'] / r['floor']:.0f}× | {r['site'] / r['base2_site']:.2f}× "
            f"| {r['index'] / r['base_index']:.2f}× |")
    lines += ["", w["targets"], "|---|---|---|"]
    for (en, vi), measured, met in targets(rows, serve):
        lines.append(f"| {en if lang == 'en' else vi} | {measured} | {w['met'][met]} |")
    if "M" in rows and "L" in rows:
        lines.append("")
        lines.append(w["ratio"].format(r=f"{rows['L']['build'] / rows['M']['build']:.1f}",
                                       p=f"{rows['L']['pages'] / rows['M']['pages']:.1f}",
                                       b=f"{rows['L']['base_build'] / rows['M']['base_build']:.1f}"))
    if serve:
        lines.append("")
        lines.append(w["serve"])
        lines.append("|---|---|---:|---:|")
        for name, (wall, built) in serve.items():
            where, _, saved = name.partition(" | ")
            for en, vi in w["modes"].items():
                where = where.replace(en, vi)
            saved = w["edits"].get(saved, saved)
            lines.append(f"| {where} | {saved} | {wall:.2f} {sec} | {built:.2f} {sec} |")
    lines.append("")
    lines.append(w["heaviest"] + "; ".join(
        f"{size}: {r['heaviest'][0]} {r['heaviest'][1]:.1f} KB" for size, r in rows.items()))
    lines.append("")
    lines.append(w["stages"] + "; ".join(
        f"{size}: " + ", ".join(f"{k} {v}" for k, v in r["stages"].items()) for size, r in rows.items()))
    return "\n".join(lines)


def page(table: str, lang: str = "en") -> str:
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    if lang == "vi":
        return f"""# Hiệu năng

Thời gian bộ sinh trang cần khi dữ liệu tăng lên, đo bằng `make bench` (`scripts/bench.py`) trên
{machine}, vào {stamp}. Các con số dưới đây do lần chạy đó ghi ra; chạy lại để cập nhật.

Mỗi cỡ dữ liệu là dữ liệu tổng hợp nhưng hợp lệ, được tạo qua đúng bộ nạp, mô hình và các bước kiểm
tra thật. Mỗi lần dựng tạo cả hai ấn bản (tiếng Anh ở gốc, tiếng Việt tại `/vi/`); cột "chỉ tiếng
Anh" là cùng lần dựng với `DOSSIER_EDITIONS=en`. **Trang đối chứng** là một trang mkdocs-material
thông thường, một ngôn ngữ, với cùng số trang tương đương được viết tay bằng Markdown. **Mã của dự
án** là thời gian nằm trong các hook của dự án này (nạp, kiểm tra, dựng trang, đặt trang, tiêu đề
bảo mật) trong lần dựng.

{table}

**Material hai ngôn ngữ** là trang đối chứng dựng hai lần (lần thứ hai với giao diện tiếng Việt), như
một trang Material thông thường có hai ngôn ngữ; **Hugo** dựng cùng các tệp Markdown đó bằng hai ngôn
ngữ, với một khuôn trang tối giản (tốc độ mà người dùng có thể chọn thay thế); **mức sàn** là thời gian
ghi đúng các byte của trang của dự án xuống đĩa. Bảng mục tiêu cho biết lần chạy này đạt hay chưa đạt
từng mục tiêu của issue 23; "chưa đo" nghĩa là lần chạy không đo cỡ đó.
"""
    return f"""# Performance

How long the generator takes as the data grows, measured by `make bench` (`scripts/bench.py`)
on {machine}, on {stamp}. The numbers below were written by that run; rerun it to update them.

Each size is synthetic but valid data generated through the real loader, models and checks.
Every build writes both editions (English at the root, Vietnamese at `/vi/`); "English alone"
is the same build with `DOSSIER_EDITIONS=en`. The **baseline** is a stock, single-language
mkdocs-material site with the same number of equivalent pages written by hand as Markdown.
**Own code** is the time spent inside this project's hooks (loading, validation, rendering,
page placement, security headers) during the build.

{table}

**Stock Material in two languages** is the baseline built twice (the second time with its theme in
Vietnamese), as a stock Material site in two languages is; **Hugo** builds the same Markdown in two
languages with one minimal page layout (the speed a user could pick instead); the **floor** is the time
to write our site's own bytes to disk. The targets table says whether this run met each of issue 23's
targets; "not measured" means the run did not measure that size.
"""


if __name__ == "__main__":
    sys.exit(main())
