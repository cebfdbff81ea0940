"""Benchmark: validation and build time, the project's own share, memory and size, against a baseline.

Usage: python scripts/bench.py [--sizes S,M,L] [--no-page] [--out DIR]

For each size (S: 100 events/50 people, M: 1,000/300, L: 10,000/2,000, with sources, quotes,
figures and agreements in proportion) it generates valid synthetic data, then measures in fresh
processes: `scripts/validate.py`; a full `mkdocs build --strict` (wall time, peak memory, the
time spent inside our hooks); site and search-index size; and the same build figures for a
baseline — a stock mkdocs-material site with the same number of equivalent pages written as
Markdown. It also measures the `mkdocs serve` rebuild after one event file changes, at the
shipped data size and at M. The table is printed and written to docs/about/performance.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dossier.devtools.synthetic import SIZES, Counts, make_project, write_baseline

ROOT = Path(__file__).resolve().parent.parent

PY = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
# Runs a command and prints the peak resident memory (KiB) of its process tree's largest member.
PEAK = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)")

TARGETS = {
    "validate_L": 3.0, "own_share_L": 0.10, "vs_baseline_L": 1.2, "peak_mem_L_mb": 1536, "m_to_l": 10.0,
    "serve_shipped": 1.5,
}


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
    parser.add_argument("--serve-sizes", default="shipped,M", help="data for the serve measurement: shipped, M")
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
        print(f"[{size}] English alone {english.seconds:.2f} s; baseline ...", flush=True)
        base, base_site, base_index = build(baseline, ours=False)
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
    if "M" in serve_sizes:
        print("[serve] M, data edit ...", flush=True)
        serve[f"M | {EDITS['data']}"] = serve_rebuild(make_project(ROOT, out / "serve-M", Counts(*SIZES["M"])))
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

Mục tiêu: kiểm tra dữ liệu cỡ L dưới 3 giây; phần của mã dự án trong lần dựng L tối đa 10%; lần
dựng hai ấn bản không quá 2,2 lần lần dựng chỉ tiếng Anh; bộ nhớ đỉnh ở cỡ L dưới 1,5 GB; tỷ lệ dựng
M → L gần 10; khi chạy `mkdocs serve` với dữ liệu hiện có, việc dựng lại ấn bản đang được chỉnh sửa
trong vòng 1,5 giây (`make serve EDITION=en` hoặc `EDITION=vi` chỉ dựng ấn bản đó).
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

Targets: validation of L under 3 s; our share of the L build at most 10 %; the two-edition build
at most 2.2× the English-only one; peak memory at L under 1.5 GB; M → L build ratio close to 10;
a `mkdocs serve` rebuild at the shipped size within 1.5 s for the edition being edited
(`make serve EDITION=en` or `EDITION=vi` builds that edition alone).
"""


if __name__ == "__main__":
    sys.exit(main())
