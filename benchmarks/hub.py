"""`make bench-hub`: what one learner costs on the demo hub (hub/jupyterhub_config.py), on this machine, on loopback.

For 1, 5 and 10 learners started together (each round with new learners; the hub, proxy and Chromium are shared):
  - login to drawn chart: each learner submits the login form on the course's link, which opens notebook 03 in
    JupyterLab; the learner runs all its cells (Run > Run All Cells); the time is from the login click to the first
    plotly chart drawn in their page (an in-page timer notes the moment);
  - memory: each learner then runs notebooks 00, 03 and 07 top to bottom in kernels of their own server (one kernel per
    notebook, left running as an open notebook's is); RSS and PSS (shared pages divided among the processes sharing
    them) of the single-user server and of its kernels are read from /proc.
Writes a section at the end of benchmarks/results.md (after the mark `make bench` keeps) and prints it.

Usage: python benchmarks/hub.py [--sizes 1,5,10] [--timeout 300]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from run import HUB_MARK, RESULTS  # noqa: E402

import hubkit  # noqa: E402 (the tests' helpers: start the hub, log in, run code in a learner's kernel)
from sharedshield import hub, printing  # noqa: E402

NOTEBOOKS = ("00_start_here", "03_event_density", "07_corroboration")
CHART = "notebooks/03_event_density.ipynb"
# In every page: note (once) the moment the first plotly chart has drawn its SVG.
TIMER_JS = """
(() => { const t = setInterval(() => {
  if (document.querySelector('.js-plotly-plot svg.main-svg, .sharedshield-chart svg.main-svg')) {
    window.__chartAt = Date.now(); clearInterval(t);
  }
}, 20); })();
"""


def cells(name: str) -> list[str]:
    """The code cells of a notebook of the course, in order."""
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    return [c.source for c in nb.cells if c.cell_type == "code" and c.source.strip()]


async def learner(browser, the_hub: hubkit.Hub, link: str, user: str, timeout: float) -> float:
    """One learner: log in by the link, run notebook 03 until a chart is drawn; seconds from the login click."""
    context = await browser.new_context(viewport={"width": 1280, "height": 860})
    await context.add_init_script(TIMER_JS)
    page = await context.new_page()
    await page.goto(link)
    await page.fill("#username_input", user)
    await page.fill("#password_input", hubkit.PASSWORD)
    clicked = time.time()
    await page.click("#login_submit")
    ms = timeout * 1000
    page.set_default_timeout(ms)
    try:
        return await _run_chart(page, user, clicked, ms)
    except Exception:
        await page.screenshot(path=str(ROOT / ".hub" / f"bench-{user}-stuck.png"))
        raise
    finally:
        await context.close()


async def _run_chart(page, user: str, clicked: float, ms: float) -> float:
    """In the learner's lab at notebook 03: Run All Cells, wait for the first chart; seconds since the login click."""
    await page.wait_for_url(f"**/user/{user}/lab/tree/{hubkit.FOLDER}/{CHART}*", timeout=ms)
    await page.wait_for_selector(".jp-NotebookPanel .jp-Cell .jp-RenderedMarkdown h1", timeout=ms)
    await page.wait_for_selector("text=/\\(ipykernel\\) \\| Idle/", timeout=ms)  # the status bar: the kernel is up
    await page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    await page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    await page.wait_for_function("() => window.__chartAt !== undefined", timeout=ms)
    return await page.evaluate("() => window.__chartAt") / 1000 - clicked


def server_of(user: str, the_hub: hubkit.Hub) -> int:
    """The pid of a learner's single-user server (the one whose working folder is their home)."""
    home = str(the_hub.home(user))
    for pid in hub.descendants(the_hub.proc.pid):
        try:
            if "jupyterhub-singleuser" in hub.command_line(pid) and os.readlink(f"/proc/{pid}/cwd") == home:
                return pid
        except OSError:
            continue
    raise RuntimeError(f"no server found for {user}")


def memory(user: str, the_hub: hubkit.Hub) -> dict[str, float]:
    """MiB of a learner's server and of its kernels (RSS and PSS), and the number of kernels."""
    server = server_of(user, the_hub)
    kernels = [pid for pid in hub.descendants(server) if "ipykernel" in hub.command_line(pid)]
    s_rss, s_pss = hubkit.memory_kb(server)
    k = [hubkit.memory_kb(pid) for pid in kernels]
    return {
        "server_rss": s_rss / 1024,
        "server_pss": s_pss / 1024,
        "kernels": len(kernels),
        "kernel_rss": sum(r for r, _ in k) / 1024,
        "kernel_pss": sum(p for _, p in k) / 1024,
    }


async def one_round(browser, the_hub: hubkit.Hub, repo: Path, n: int, timeout: float) -> dict:
    """n learners together: login-to-chart times, then memory after 00, 03 and 07."""
    users = [f"r{n}-{i:02d}" for i in range(n)]
    link = hub.nbgitpuller_link(the_hub.url, str(repo), branch=hubkit.branch_of(repo), notebook=CHART)
    started = time.monotonic()
    times = await asyncio.wait_for(
        asyncio.gather(*(learner(browser, the_hub, link, u, timeout) for u in users)), timeout * 1.5
    )
    path = lambda name: f"{hubkit.FOLDER}/notebooks/{name}.ipynb"  # noqa: E731
    replies = await asyncio.wait_for(
        asyncio.gather(
            *(
                hubkit.execute_async(the_hub, u, path(nb), cells(nb), timeout, keep=True)
                for u in users
                for nb in NOTEBOOKS
            )
        ),
        timeout,
    )
    errors = [r.error for rs in replies for r in rs if r.error]
    await asyncio.sleep(2)
    mem = [memory(u, the_hub) for u in users]
    for u in users:  # end this round's servers before the next
        await asyncio.to_thread(the_hub.api, f"/hub/api/users/{u}/server", "DELETE")
    return {"n": n, "times": times, "mem": mem, "errors": errors, "seconds": time.monotonic() - started}


def mib(x: float) -> str:
    """MiB, no decimals."""
    return f"{x:,.0f} MiB"


def report(rounds: list[dict], base: dict[str, float], took: float) -> str:
    """The results section, as Markdown."""
    machine = (
        f"{dt.datetime.now().strftime('%Y-%m-%d %H:%M')}; {os.cpu_count()} CPUs ({platform.machine()}); "
        f"Python {platform.python_version()}; load average at the end {os.getloadavg()[0]:.1f}; run took {took:.0f} s"
    )
    lines = [
        "## The hub: what one learner costs (`make bench-hub`)",
        "",
        (
            f"`make bench-hub` on {machine}. The demo hub (hub/jupyterhub_config.py) on 127.0.0.1, learners in headless"
            " Chromium on the same machine (so the browser's CPU is taken from the hub's). Each round has new"
            " learners, started together."
        ),
        "",
        (
            "| Learners together | Login to drawn chart: median | slowest | Server RSS / PSS per learner | Kernels per"
            " learner | Kernels' RSS / PSS per learner | Learner total RSS / PSS | Round took |"
        ),
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rounds:
        m = r["mem"]
        avg = lambda key, m=m: statistics.mean(x[key] for x in m)  # noqa: E731
        lines.append(
            f"| {r['n']} | {statistics.median(r['times']):.1f} s | {max(r['times']):.1f} s | {mib(avg('server_rss'))} /"
            f" {mib(avg('server_pss'))} | {avg('kernels'):.0f} | {mib(avg('kernel_rss'))} / {mib(avg('kernel_pss'))} |"
            f" {mib(avg('server_rss') + avg('kernel_rss'))} / {mib(avg('server_pss') + avg('kernel_pss'))} |"
            f" {r['seconds']:.0f} s |"
        )
    lines += [
        "",
        f"- Shared by all learners: the hub {mib(base['hub_rss'])} RSS, the proxy {mib(base['proxy_rss'])} RSS.",
        (
            f"- Memory is read after each learner ran notebooks {', '.join(NOTEBOOKS)} top to bottom, one kernel each,"
            " all left running (a learner who closes notebooks, or a hub that culls idle kernels, costs less). PSS"
            " counts shared library pages once across processes; it is the better figure for adding learners up."
        ),
        (
            "- Login to drawn chart: from the login click to the first chart of notebook 03 drawn in the page: the hub"
            " starts the learner's server, nbgitpuller clones the course, JupyterLab loads, the learner runs all cells."
        ),
        "- Errors while running the notebooks: "
        + ("; ".join(sorted(set(e for r in rounds for e in r["errors"]))) or "none")
        + ".",
        "",
    ]
    return "\n".join(lines)


async def main_async(sizes: list[int], timeout: float) -> str:
    """Start the hub, run the rounds, stop the hub; return the report."""
    begun = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sharedshield-bench-hub-") as tmp:
        folder = Path(tmp)
        repo = hubkit.source_repo(folder / "teacher")
        the_hub = await asyncio.to_thread(hubkit.start, folder)
        try:
            async with async_playwright() as pw:
                browser = await printing.launch(pw)
                rounds = []
                for n in sizes:
                    print(f"{n} learner(s) ...", flush=True)
                    rounds.append(await one_round(browser, the_hub, repo, n, timeout))
                    r = rounds[-1]
                    print(
                        f"  login to chart median {statistics.median(r['times']):.1f} s, max {max(r['times']):.1f} s;"
                        f" round {r['seconds']:.0f} s",
                        flush=True,
                    )
                await browser.close()
            tree = {pid: hub.command_line(pid) for pid in hub.descendants(the_hub.proc.pid)}
            base = {
                "hub_rss": hubkit.memory_kb(the_hub.proc.pid)[0] / 1024,
                "proxy_rss": (
                    sum(hubkit.memory_kb(p)[0] for p, c in tree.items() if "configurable-http-proxy" in c) / 1024
                ),
            }
        finally:
            stopped = hub.stop_hub(the_hub.proc)
            if stopped.left_behind:
                print("left behind (ended):", stopped.left_behind, file=sys.stderr)
    return report(rounds, base, time.monotonic() - begun)


def main() -> None:
    """Run the benchmark and write its section of benchmarks/results.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,10", help="learners per round, comma-separated (at most 10 each)")
    parser.add_argument("--timeout", type=float, default=300, help="seconds one round may take")
    args = parser.parse_args()
    sizes = [min(10, max(1, int(s))) for s in args.sizes.split(",")]
    missing = hub.stack_missing()
    if missing:
        sys.exit("The hub stack is not installed: " + "; ".join(missing))
    text = asyncio.run(main_async(sizes, args.timeout))
    print(text)
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else "# Benchmarks\n"
    RESULTS.write_text(old.partition(HUB_MARK)[0].rstrip("\n") + f"\n\n{HUB_MARK}\n\n{text}", encoding="utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
