"""`make bench`: time the course and write benchmarks/results.md (numbers live here, never in timed tests).

Sections: course execution against the floor of bare kernels, load_course() cold and warm, the density on
synthetic events of mixed precision (time, peak memory, log-log slope), the static site build and `make handouts`.
When a target is missed the script profiles what dominates and reports it.

Usage: python benchmarks/run.py [--quick] [--only course,load,density,site,handouts,class-report]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import nbformat
import numpy as np
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
RESULTS = Path(__file__).resolve().parent / "results.md"
PY = sys.executable
FLOOR_CODE = "import pandas, plotly.express, sharedshield"
HUB_MARK = "<!-- make bench-hub: benchmarks/hub.py writes from here on -->"


def fmt_s(seconds: float) -> str:
    """Seconds, with ms below one second."""
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_bytes(n: float) -> str:
    """Bytes as KB / MB."""
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def top_functions(profile: cProfile.Profile | str, n: int = 8, only: str = "") -> list[str]:
    """The n functions with most cumulative time (import and kernel plumbing left out; only files containing `only`)."""
    stats = (
        pstats.Stats(profile, stream=io.StringIO())
        if isinstance(profile, str)
        else pstats.Stats(profile, stream=io.StringIO())
    )
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][3], reverse=True)  # type: ignore[attr-defined]
    out = []
    for (file, line, func), (_, _, tottime, cumtime, _) in rows:
        short = file.replace(str(ROOT) + "/", "").split("site-packages/")[-1]
        plumbing = (
            "importlib" in file
            or file in ("<string>", "~")
            and not func.startswith("<method 'argsort'")
            or "IPython/core" in file
            or "asyncio" in file
            or func in ("<module>", "<lambda>", "<listcomp>")
        )
        if plumbing or (only and only not in file):
            continue
        out.append(f"`{func}` ({short}:{line}) cumulative {cumtime:.2f} s, own {tottime:.2f} s")
        if len(out) == n:
            break
    return out


# ---- course execution ------------------------------------------------------------------------------------------------


def run_notebook(path: Path) -> float:
    """Seconds to execute one notebook top to bottom in a fresh kernel (kernel start included)."""
    nb = nbformat.read(path, as_version=4)
    t = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - t


def run_floor() -> float:
    """Seconds for a fresh kernel that only imports pandas, plotly.express and sharedshield."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(FLOOR_CODE)]
    t = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return time.perf_counter() - t


def bench_course(rows: list, notes: list) -> None:
    """All notebooks in fresh kernels, one after another, beside the same number of bare-import kernels."""
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    per, floors = {}, []
    for p in paths:  # interleave notebook and floor so machine load affects both alike
        per[p.name] = run_notebook(p)
        floors.append(run_floor())
    total, floor = sum(per.values()), sum(floors)
    ratio = total / floor
    rows.append(
        ("Course: all notebooks, fresh kernels", f"{len(paths)} notebooks", fmt_s(total), "", "<= 1.5x floor", "")
    )
    rows.append(("Floor: bare kernels `" + FLOOR_CODE + "`", f"{len(paths)} kernels", fmt_s(floor), "", "", ""))
    rows.append(("Course / floor", "", f"{ratio:.2f}x", "", "<= 1.5x", "PASS" if ratio <= 1.5 else "MISS"))
    mean_floor = floor / len(paths)
    detail = ", ".join(f"{name[:-6]} {fmt_s(s)} (+{fmt_s(max(0.0, s - mean_floor))})" for name, s in per.items())
    notes.append(f"Per notebook (and the excess over a bare kernel, mean {fmt_s(mean_floor)}): {detail}.")
    if ratio > 1.5:
        slowest = max(per, key=per.get)
        notes.append(f"Course execution misses 1.5x: profile of the slowest notebook, {slowest}, run in-process:")
        notes.extend("  - " + line for line in profile_notebook(NOTEBOOKS / slowest))


def profile_notebook(path: Path) -> list[str]:
    """Profile a notebook's code cells, one run_cell each (IPython magics dropped), in a fresh Python process."""
    nb = nbformat.read(path, as_version=4)
    cells = [
        "\n".join(line for line in c.source.splitlines() if not line.lstrip().startswith(("%", "!")))
        for c in nb.cells
        if c.cell_type == "code"
    ]
    prof = ROOT / ".bench.prof"
    script = (
        "import cProfile\nfrom IPython.core.interactiveshell import InteractiveShell\nsh ="
        " InteractiveShell.instance()\np = cProfile.Profile()\np.runcall(lambda: [sh.run_cell(c) for c in"
        f" {cells!r}])\np.dump_stats({str(prof)!r})\n"
    )
    subprocess.run([PY, "-c", script], cwd=path.parent, capture_output=True, text=True, timeout=600)
    if not prof.exists():
        return ["(profiling failed)"]
    try:
        return top_functions(str(prof), 8) + ["within sharedshield:"] + top_functions(str(prof), 8, only="sharedshield")
    finally:
        prof.unlink()


# ---- load_course -----------------------------------------------------------------------------------------------------

COLD = """
import time, json
t0 = time.perf_counter()
import sharedshield
t1 = time.perf_counter()
course = sharedshield.load_course()
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "events": len(course.events)}))
"""


def bench_load(rows: list, notes: list, repeats: int) -> None:
    """load_course() in a fresh process (all parsing included) and again in a warm process."""
    colds, imports = [], []
    for _ in range(repeats):
        out = subprocess.run([PY, "-c", COLD], cwd=ROOT, capture_output=True, text=True, check=True, timeout=300)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        colds.append(r["load"])
        imports.append(r["import"])
    cold = statistics.median(colds)
    readings = "with" if os.environ.get("SHAREDSHIELD_READINGS") else "without"
    rows.append(
        (
            f"load_course() cold ({readings} readings)",
            f"{r['events']} events",
            fmt_s(cold),
            "",
            "<= 0.5 s",
            "PASS" if cold <= 0.5 else "MISS",
        )
    )
    rows.append(
        ("`import sharedshield` (fresh process, not counted above)", "", fmt_s(statistics.median(imports)), "", "", "")
    )

    import sharedshield

    sharedshield.load_course()
    warm = []
    for _ in range(repeats * 2):
        t = time.perf_counter()
        sharedshield.load_course()
        warm.append(time.perf_counter() - t)
    rows.append(("load_course() warm (same process; dates cached)", "", fmt_s(statistics.median(warm)), "", "", ""))
    if cold > 0.5:
        prof = ROOT / ".bench.prof"
        script = f"import sharedshield, cProfile; cProfile.run('sharedshield.load_course()', {str(prof)!r})"
        subprocess.run([PY, "-c", script], cwd=ROOT, check=True, timeout=300)
        notes.append(
            f"load_course() cold misses 0.5 s (median of {repeats}: {fmt_s(cold)}); what dominates (cProfile, fresh"
            " process):"
        )
        notes.extend("  - " + line for line in top_functions(str(prof), 10))
        prof.unlink()


# ---- density ---------------------------------------------------------------------------------------------------------


def synthetic_events(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """n events of mixed precision in 1993-2013: 40% day, 25% month, 10% season, 15% year, 10% multi-day range."""
    rng = np.random.default_rng(seed)
    day = np.datetime64("1993-01-01") + rng.integers(0, 21 * 365, n)
    kind = rng.choice(5, n, p=[0.40, 0.25, 0.10, 0.15, 0.10])
    month = day.astype("datetime64[M]")
    year = day.astype("datetime64[Y]")
    start = day.copy()
    end = day.copy()
    m = kind == 1
    start[m], end[m] = month[m].astype("datetime64[D]"), (month[m] + 1).astype("datetime64[D]") - 1
    m = kind == 2
    start[m], end[m] = month[m].astype("datetime64[D]"), (month[m] + 3).astype("datetime64[D]") - 1
    m = kind == 3
    start[m], end[m] = year[m].astype("datetime64[D]"), (year[m] + 1).astype("datetime64[D]") - 1
    m = kind == 4
    end[m] = day[m] + rng.integers(1, 700, m.sum())
    return start.astype("datetime64[D]"), end.astype("datetime64[D]")


def bench_density(rows: list, notes: list, sizes: list[int]) -> None:
    """spread() over monthly bins covering the data: time (best of 3) and peak traced memory for each size."""
    try:
        from sharedshield import density
    except ImportError:
        notes.append("Density: skipped — src/sharedshield/density.py is not written yet.")
        return
    times, mems = [], []
    for n in sizes:
        s, e = synthetic_events(n)
        bins = density.edges(s, e, "month")
        best = min(_timed(lambda s=s, e=e, bins=bins: density.spread(s, e, bins)) for _ in range(3))
        tracemalloc.start()
        d = density.spread(s, e, bins)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert abs(d.mass.sum() - n) < 1e-6 * n and d.outside == 0, "density lost mass"
        times.append(best)
        mems.append(peak)
        rows.append(
            (
                "density.spread(), mixed precision, monthly bins",
                f"{n:,} events",
                fmt_s(best),
                fmt_bytes(peak),
                "<= 1 s at 10^6" if n == 10**6 else "",
                ("PASS" if best <= 1 else "MISS") if n == 10**6 else "",
            )
        )
    slope = float(np.polyfit(np.log10(sizes), np.log10(times), 1)[0]) if len(sizes) > 1 else float("nan")
    rows.append(
        (
            "density: slope of log time vs log n",
            f"{sizes[0]:,}-{sizes[-1]:,}",
            f"{slope:.2f}",
            "",
            "~1 (linear)",
            "PASS" if slope <= 1.15 else "MISS",
        )
    )
    notes.append(
        "Density time per event (a fixed per-call cost dominates the smallest size; argsort makes the whole O(n log"
        " n)): " + ", ".join(f"{n:,}: {t / n * 1e9:.0f} ns" for n, t in zip(sizes, times, strict=True)) + "."
    )
    if times[-1] > 1 or slope > 1.15:
        s, e = synthetic_events(sizes[-1])
        bins = density.edges(s, e, "month")
        prof = cProfile.Profile()
        prof.runcall(density.spread, s, e, bins)
        notes.append("Density misses its target; what dominates (cProfile):")
        notes.extend("  - " + line for line in top_functions(prof, 8))


def bench_record(rows: list, notes: list, n: int = 10**5) -> None:
    """The record's three placements (start, spread, end) of n events over quarterly bins, as robust_peaks() makes."""
    try:
        from sharedshield import density, record
    except ImportError:
        notes.append("Record: skipped — src/sharedshield/record.py is not written yet.")
        return
    import pandas as pd

    s, e = synthetic_events(n, seed=1)
    start, end = pd.Series(s.astype("datetime64[ns]")), pd.Series(e.astype("datetime64[ns]"))
    bins = density.edges(s, e, "quarter")
    best = min(_timed(lambda: [record.placed(start, end, bins, how) for how in record.PLACEMENTS]) for _ in range(3))
    rows.append(
        (
            "record.placed() x3 (robust peaks), quarterly bins",
            f"{n:,} events",
            fmt_s(best),
            "",
            "<= 1 s",
            "PASS" if best <= 1 else "MISS",
        )
    )


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


# ---- site ------------------------------------------------------------------------------------------------------------


def site_target_exists() -> bool:
    """True once the Makefile's site target builds something (it echoes 'not built yet' until then)."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = text.split("\nsite:", 1)[1].split("\n\n", 1)[0] if "\nsite:" in text else ""
    return bool(recipe) and "not built yet" not in recipe


def bench_site(rows: list, notes: list) -> None:
    """`make site`: build time, total size, the largest page, and plotly.js shipped exactly once."""
    if not site_target_exists():
        notes.append(
            "Site: skipped — `make site` does not build the site yet (the Makefile target still echoes 'not built"
            " yet')."
        )
        return
    t = time.perf_counter()
    out = subprocess.run(["make", "site"], cwd=ROOT, capture_output=True, text=True, timeout=1800)
    seconds = time.perf_counter() - t
    if out.returncode != 0:
        notes.append(
            f"Site: `make site` failed (exit {out.returncode}):"
            f" {out.stderr.strip().splitlines()[-1:] or out.stdout.strip().splitlines()[-1:]}"
        )
        return
    site = ROOT / "_site"
    files = [p for p in site.rglob("*") if p.is_file()]
    total = sum(p.stat().st_size for p in files)
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    plotly_js = [p for p in files if p.name.startswith("plotly") and p.suffix == ".js"]
    inlined = [
        p.name for p in pages if "Plotly.register" in p.read_text(encoding="utf-8", errors="replace")[:5_000_000]
    ]
    rows.append(("make site (build)", f"{len(pages)} pages", fmt_s(seconds), "", "", ""))
    rows.append(("site: total size", f"{len(files)} files", "", fmt_bytes(total), "", ""))
    rows.append(
        ("site: largest page", largest.relative_to(site).as_posix(), "", fmt_bytes(largest.stat().st_size), "", "")
    )
    rows.append(
        (
            "site: plotly.js copies",
            ", ".join(p.relative_to(site).as_posix() for p in plotly_js) or "none",
            "",
            fmt_bytes(sum(p.stat().st_size for p in plotly_js)),
            "exactly 1, not inlined",
            "PASS" if len(plotly_js) == 1 and not inlined else "MISS",
        )
    )
    if inlined:
        notes.append(f"Site: plotly.js is inlined in {', '.join(inlined)}.")


# ---- handouts --------------------------------------------------------------------------------------------------------


def bench_handouts(rows: list, notes: list) -> None:
    """`make handouts`: wall time for both packs on both papers, and each PDF's page count."""
    t = time.perf_counter()
    out = subprocess.run(["make", "handouts"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - t
    if out.returncode != 0:
        notes.append(
            f"Handouts: `make handouts` failed (exit {out.returncode}):"
            f" {(out.stderr or out.stdout).strip().splitlines()[-1:]}"
        )
        return
    pdfs = sorted((ROOT / "_handouts").glob("*.pdf"))
    counts = []
    for pdf in pdfs:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
        counts.append(f"{pdf.stem} {pages} p.")
    rows.append(
        (
            "make handouts (student + teacher, A4 + Letter)",
            ", ".join(counts),
            fmt_s(seconds),
            "",
            "< 60 s",
            "PASS" if seconds < 60 else "MISS",
        )
    )


# ---- class report ----------------------------------------------------------------------------------------------------


def bench_class_report(rows: list, notes: list, sizes: tuple[int, ...] = (30, 300)) -> None:
    """`python -m sharedshield class report` on 30 and 300 hand-ins (30 made by the API, the rest renamed copies)."""
    import contextlib
    import re
    import tempfile

    from sharedshield import classreport, democlass, handin

    with tempfile.TemporaryDirectory(prefix="bench-class-") as tmp:
        base = Path(tmp) / "made"
        t = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            learners = democlass.build_class(base, 30, seed=16)
        made = time.perf_counter() - t
        notes.append(
            "Class report: 30 hand-ins made through the course's API (checks, codings, written answers, export) in"
            f" {made:.1f} s."
        )
        for n in sizes:
            folder = Path(tmp) / f"class-{n}"
            folder.mkdir()
            for i in range(n):
                text = learners[i % 30].path.read_text(encoding="utf-8")
                block = classreport.DATA_BLOCK.search(text)
                data = json.loads(block.group(1))
                data.update(name=f"Student {i:03d}", students=[f"Student {i:03d}"])
                data["checksum"]["value"] = handin.checksum(data)
                (folder / f"s{i:03d}.html").write_text(
                    text.replace(block.group(1), str(handin.script_json(data))), encoding="utf-8"
                )
            out = Path(tmp) / f"report-{n}"
            t = time.perf_counter()
            run = subprocess.run(
                [
                    PY,
                    "-m",
                    "sharedshield",
                    "class",
                    "report",
                    str(folder),
                    "--out",
                    f"{out}.html",
                    "--json",
                    f"{out}.json",
                    "--marks",
                    f"{out}.csv",
                ],
                capture_output=True,
                text=True,
                timeout=600,
            )
            seconds = time.perf_counter() - t
            if run.returncode != 0:
                notes.append(
                    f"Class report ({n}): failed (exit {run.returncode}):"
                    f" {(run.stderr or run.stdout).strip().splitlines()[-1:]}"
                )
                continue
            size = Path(f"{out}.html").stat().st_size
            students = len(re.findall(r"^Student", Path(f"{out}.csv").read_text(encoding="utf-8-sig"), flags=re.M))
            goal = "< 10 s" if n >= 300 else ""
            rows.append(
                (
                    f"class report (HTML {fmt_bytes(size)}, JSON, marks; {students} rows)",
                    f"{n} hand-ins",
                    fmt_s(seconds),
                    "",
                    goal,
                    ("PASS" if seconds < 10 else "MISS") if goal else "",
                )
            )


# ---- report ----------------------------------------------------------------------------------------------------------


def table(rows: list) -> str:
    """A Markdown table of the results."""
    head = ("Benchmark", "Size", "Time", "Peak memory", "Target", "Verdict")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def main() -> None:
    """Run the chosen sections, print the table and write benchmarks/results.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="density up to 10^5 only, fewer repeats")
    parser.add_argument(
        "--only", default="course,load,density,site,handouts,class-report", help="comma-separated sections"
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    rows: list = []
    notes: list = []
    started = time.perf_counter()
    if "load" in only:
        bench_load(rows, notes, repeats=3 if args.quick else 5)
    if "density" in only:
        bench_density(rows, notes, [10**3, 10**4, 10**5] if args.quick else [10**3, 10**4, 10**5, 10**6])
        bench_record(rows, notes, 10**4 if args.quick else 10**5)
    if "course" in only:
        asyncio.set_event_loop(asyncio.new_event_loop())
        bench_course(rows, notes)
    if "site" in only:
        bench_site(rows, notes)
    if "handouts" in only:
        bench_handouts(rows, notes)
    if "class-report" in only:
        bench_class_report(rows, notes)
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",) * 3
    machine = (
        f"{dt.datetime.now():%Y-%m-%d %H:%M}; {os.cpu_count()} CPUs ({platform.processor() or platform.machine()});"
        f" Python {platform.python_version()}; load average at the end {load[0]:.1f}; run took"
        f" {time.perf_counter() - started:.0f} s"
    )
    body = table(rows)
    print(body)
    for n in notes:
        print(n)
    text = [
        "# Benchmarks",
        "",
        f"`make bench` ({' '.join(sys.argv[1:]) or 'full run'}) on {machine}.",
        "",
        (
            "Numbers from one machine and one run: compare ratios and slopes, not absolute times. The floor is a fresh"
            f" kernel that only runs `{FLOOR_CODE}`."
        ),
        "",
        body,
        "",
    ]
    if notes:
        text += ["## Notes", ""] + [n if n.startswith("  - ") else f"- {n}" for n in notes] + [""]
    kept = (
        RESULTS.read_text(encoding="utf-8").partition(HUB_MARK)[2] if RESULTS.is_file() else ""
    )  # `make bench-hub`'s section stays
    RESULTS.write_text("\n".join(text) + (f"\n{HUB_MARK}{kept}" if kept else ""), encoding="utf-8")
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
