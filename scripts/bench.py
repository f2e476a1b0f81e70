"""make bench: Lighthouse (mobile preset, default throttling) against every page
of this site and of a stock Material build of the same pages, side by side.

Both are served from 127.0.0.1 with gzip, as GitHub Pages serves them. Each page
is measured RUNS times (default 3) and the median run, by performance score, is
reported, with the spread over runs. One more page is measured with 24
languages: this site's Greek article (the whole site is built, every language),
against the article of a throwaway stock build with a 24-language selector and
hreflang alternates (BENCH_LANGUAGES, 0 to skip). The report, .bench/results.md, also says where the
main-thread time goes (Lighthouse's long tasks, main-thread breakdown and
script boot-up) and checks each page against the budget in TARGETS.

    python scripts/bench.py            # BENCH_RUNS=1 for a quick look
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".bench"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
LANGUAGES = int(os.environ.get("BENCH_LANGUAGES", "24"))
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# As root on a closed network Chromium needs these (see tests/conftest.py).
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}
# The EU's 24 official languages, in their own names: stock's selector in the language test.
EU_LANGUAGES = {
    "en": "English", "bg": "Български", "cs": "Čeština", "da": "Dansk", "de": "Deutsch", "el": "Ελληνικά",
    "es": "Español", "et": "Eesti", "fi": "Suomi", "fr": "Français", "ga": "Gaeilge", "hr": "Hrvatski",
    "hu": "Magyar", "it": "Italiano", "lt": "Lietuvių", "lv": "Latviešu", "mt": "Malti", "nl": "Nederlands",
    "pl": "Polski", "pt": "Português", "ro": "Română", "sk": "Slovenčina", "sl": "Slovenščina", "sv": "Svenska",
}
# Stock Material asks Google Fonts for Roboto and Roboto Mono, which fail on this
# closed network, so Lighthouse counts none of their bytes. A reader online gets
# Google's stylesheet and the latin woff2 file of each face the page shows. These
# are those files' sizes, as packaged from Google Fonts by @fontsource/roboto and
# @fontsource/roboto-mono 5.3.0 (files/<family>-latin-<weight>-<style>.woff2); the
# few hundred bytes of Google's stylesheet are not counted, which flatters stock.
STOCK_FONT_BYTES = {"roboto 300": 22072, "roboto 400": 21884, "roboto 700": 22240,
                    "roboto 400 italic": 23672, "roboto mono 400": 12680}
# The budget every page of this site is held to, after issue 11 (see the report).
TARGETS = "performance >= stock's; TBT <= stock's; FCP <= 1.0 s; CLS 0; bytes online <= stock's; " \
          "requests a first paint can wait for (page, stylesheets, scripts, fonts) started before it: the page and " \
          "one stylesheet; a11y, best practices, SEO 100"

# Stock Material: the same pages and Markdown extensions, the theme's defaults
# for everything else (Roboto from Google Fonts, default palette and features).
STOCK_CONFIG = """\
INHERIT: {root}/mkdocs.yml
docs_dir: {root}/docs/en
theme:
  name: material
  language: en
  custom_dir: {overrides}
  font:
    text: Roboto
    code: Roboto Mono
  palette: []
  features: []
  favicon: assets/images/favicon.png
  logo: null
  icon:
    logo: material/library
  static_templates: [404.html]
hooks: []
extra_css: []
extra_javascript: []
plugins: [search]
"""


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser accepts it, as GitHub Pages does."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def write_stock_config(folder: Path) -> Path:
    """The stock Material configuration, in folder, with an empty overrides folder."""
    overrides = folder / "stock-overrides"
    overrides.mkdir(parents=True, exist_ok=True)
    config = folder / "stock.yml"
    config.write_text(STOCK_CONFIG.format(root=ROOT, overrides=overrides), encoding="utf-8")
    return config


def write_languages_config(base: Path, count: int, site_url: str) -> Path:
    """A throwaway configuration: base plus a selector of count languages, each
    with its hreflang alternate, as 24 language builds will give every page.
    The addresses are absolute, as hreflang wants them (Lighthouse's SEO audit
    fails root-relative ones).
    It sits next to mkdocs.yml, as relative paths resolve against it; build()
    removes it."""
    codes = list(EU_LANGUAGES)[:count]
    alternate = [{"name": EU_LANGUAGES[code], "link": site_url if code == "en" else f"{site_url}{code}/", "lang": code}
                 for code in codes]
    config = ROOT / f".bench-{base.stem}-languages-{os.getpid()}.yml"  # a test may build one at the same time
    config.write_text(f"INHERIT: {base}\nextra:\n  alternate: {json.dumps(alternate, ensure_ascii=False)}\n",
                      encoding="utf-8")
    return config


def serve_languages(folder: Path, count: int) -> None:
    """Each fake language folder is the English site again (a symbolic link), so
    whatever the theme fetches under an alternate (its sitemap.xml) is there."""
    for code in list(EU_LANGUAGES)[1:count]:
        link = folder / code
        if not link.exists():
            link.symlink_to(".", target_is_directory=True)


def serve(folder: Path) -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}/"


def build(config: Path, out: Path, site_url: str) -> None:
    """This site as make build builds it (every language), or a stock configuration."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    command = ([sys.executable, "scripts/build_site.py", str(out)] if config == ROOT / "mkdocs.yml" else
               [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(out)])
    try:
        subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    finally:
        if config.name.startswith(".bench-"):
            config.unlink()


def lighthouse(url: str, report: Path) -> dict:
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--chrome-flags={CHROME_FLAGS}"], env={**os.environ, "CHROME_PATH": CHROME}, check=True)
    return read_report(json.loads(report.read_text(encoding="utf-8")))


def short(url: str, page_url: str) -> str:
    """A resource's name in the report: the file name, or "page" for the HTML itself."""
    if url == page_url:
        return "page"
    if not url.startswith("http"):
        return url  # "Unattributable": browser work no script or file is blamed for
    name = url.rstrip("/").rsplit("/", 1)[-1]
    return name.split("?")[0] or url


def read_report(data: dict) -> dict:
    """The numbers this benchmark reports, from one Lighthouse JSON report."""
    audits = data["audits"]
    page_url = data["finalDisplayedUrl"]
    observed = audits["metrics"]["details"]["items"][0]
    # Long tasks, each with the work Lighthouse found in it (debugData: by task group).
    debug = audits["long-tasks"]["details"].get("debugData", {})
    tasks = [{"what": short(debug["urls"][task["urlIndex"]], page_url), "ms": task["duration"],
              "work": {k: v for k, v in task.items() if k not in ("urlIndex", "startTime", "duration", "other") and v >= 10}}
             for task in debug.get("tasks", []) if task["duration"] >= 50]
    # data: addresses (Material's inlined icons) cost no request.
    requests = [r for r in audits["network-requests"]["details"]["items"] if not r["url"].startswith("data:")]
    early = [r for r in requests if r["networkRequestTime"] < observed["observedFirstContentfulPaint"]]
    # The kinds a first paint can wait for; a favicon ("Other") never holds it up.
    blocking = [short(r["url"], page_url) for r in early if r["resourceType"] in ("Document", "Stylesheet", "Script", "Font")]
    summary = {item["resourceType"]: item["transferSize"] / 1024 for item in audits["resource-summary"]["details"]["items"]}
    return {
        **{name: round(data["categories"][key]["score"] * 100) for name, key in
           [("perf", "performance"), ("a11y", "accessibility"), ("bp", "best-practices"), ("seo", "seo")]},
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "kb": audits["total-byte-weight"]["numericValue"] / 1024,
        "bytes": summary,
        "requests": len(requests),
        "before_paint": [short(r["url"], page_url) for r in early],
        "blocking_before_paint": blocking,
        "tasks": tasks,
        "mainthread": {item["group"]: item["duration"] for item in audits["mainthread-work-breakdown"]["details"]["items"]},
        "bootup": {short(item["url"], page_url): item["total"] for item in audits["bootup-time"]["details"]["items"]},
    }


def stock_fonts(html: str) -> dict:
    """The Google Fonts faces a stock page shows, with their bytes: Roboto light
    (headings), regular and bold (the header's site name) on every page; italic
    and Roboto Mono when the text has <em> or <code>."""
    article = html[html.find("<article"):]
    faces = ["roboto 300", "roboto 400", "roboto 700"]
    faces += ["roboto 400 italic"] * ("<em>" in article) + ["roboto mono 400"] * ("<code" in article)
    return {face: STOCK_FONT_BYTES[face] for face in faces}


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score, as Lighthouse advises, with the spread of all runs."""
    ordered = sorted(runs, key=lambda r: (r["perf"], -r["lcp"]))
    median = dict(ordered[len(ordered) // 2])
    median["spread"] = {key: (min(r[key] for r in runs), max(r[key] for r in runs)) for key in ("perf", "tbt", "lcp")}
    return median


def pages() -> list[str]:
    """Every English page's address under the site's root: "", "article/", "about/privacy/"."""
    found = sorted(p.relative_to(ROOT / "docs" / "en").with_suffix("").as_posix()
                   for p in (ROOT / "docs" / "en").glob("**/*.md") if not p.name.startswith("_"))
    return [(page.removesuffix("index") if page.endswith("index") else page + "/") for page in found]


def spread(r: dict, key: str, fmt: str) -> str:
    low, high = r["spread"][key]
    return format(low, fmt) if low == high else f"{low:{fmt}}–{high:{fmt}}"


def results_table(rows: list[tuple[str, str, dict]], sites: list[str]) -> list[str]:
    lines = ["| page | build | perf (spread) | a11y | best pr. | SEO | FCP s | LCP s (spread) | TBT ms (spread) | CLS "
             "| KiB | KiB online |", "|" + "---|" * 12]
    for page, name, r in rows:
        lines.append(f"| {page} | {name} | {r['perf']} ({spread(r, 'perf', 'd')}) | {r['a11y']} | {r['bp']} | {r['seo']} "
                     f"| {r['fcp']:.2f} | {r['lcp']:.2f} ({spread(r, 'lcp', '.2f')}) | {r['tbt']:.0f} ({spread(r, 'tbt', '.0f')}) "
                     f"| {r['cls']:.3f} | {r['kb']:.0f} | {r['online']:.0f} |")
    for name in sites:
        mine = [r for page, n, r in rows if n == name and "languages" not in page]
        med = {key: statistics.median(r[key] for r in mine) for key in
               ("perf", "a11y", "bp", "seo", "fcp", "lcp", "tbt", "cls", "kb", "online")}
        lines.append(f"| **median of {len(mine)} pages** | {name} | {med['perf']:.0f} | {med['a11y']:.0f} | {med['bp']:.0f} "
                     f"| {med['seo']:.0f} | {med['fcp']:.2f} | {med['lcp']:.2f} | {med['tbt']:.0f} | {med['cls']:.3f} "
                     f"| {med['kb']:.0f} | {med['online']:.0f} |")
    return lines


def tasks_text(r: dict) -> str:
    if not r["tasks"]:
        return "none"
    return "; ".join(f"{t['what']} {t['ms']:.0f}" + (" (" + ", ".join(f"{k} {v:.0f}" for k, v in sorted(
        t["work"].items(), key=lambda kv: -kv[1])) + ")" if t["work"] else "") for t in r["tasks"])


def findings(rows: list[tuple[str, str, dict]]) -> list[str]:
    """Where the main-thread time goes, page by page: Lighthouse's own audits."""
    lines = ["| page | build | long tasks over 50 ms: what ran, ms (its work by kind, where Lighthouse names it) | main thread, ms "
             "| script boot-up, ms |", "|---|---|---|---|---|"]
    for page, name, r in rows:
        main = ", ".join(f"{k} {v:.0f}" for k, v in sorted(r["mainthread"].items(), key=lambda kv: -kv[1]) if v >= 20)
        boot = ", ".join(f"{k} {v:.0f}" for k, v in sorted(r["bootup"].items(), key=lambda kv: -kv[1]) if v >= 20)
        lines.append(f"| {page} | {name} | {tasks_text(r)} | {main} | {boot or 'none'} |")
    return lines


def budget(rows: list[tuple[str, str, dict]]) -> list[str]:
    lines = ["| page | build | HTML KiB | CSS KiB | JS KiB | fonts KiB | other KiB | total KiB online | requests "
             "| before first paint | long tasks (total ms) |", "|" + "---|" * 11]
    for page, name, r in rows:
        b = r["bytes"]
        fonts = b.get("font", 0) + r["online"] - r["kb"]
        other = b.get("total", 0) - sum(b.get(k, 0) for k in ("document", "stylesheet", "script", "font"))
        lines.append(f"| {page} | {name} | {b.get('document', 0):.1f} | {b.get('stylesheet', 0):.1f} | {b.get('script', 0):.1f} "
                     f"| {fonts:.1f} | {other:.1f} | {r['online']:.1f} | {r['requests']} | {', '.join(r['before_paint'])} "
                     f"| {len(r['tasks'])} ({sum(t['ms'] for t in r['tasks']):.0f}) |")
    return lines


def verdicts(rows: list[tuple[str, str, dict]], ours: str, stock: str) -> list[str]:
    """Each page of this site against the targets, side by side with stock's same page."""
    by_page: dict[str, dict] = {}
    for page, name, r in rows:
        by_page.setdefault(page, {})[name] = r
    lines = []
    for page, builds in by_page.items():
        me, them = builds[ours], builds[stock]
        misses = [label for label, ok in [
            ("performance", me["perf"] >= them["perf"]), ("TBT", me["tbt"] <= them["tbt"]),
            ("FCP", me["fcp"] <= 1.0 and me["fcp"] <= them["fcp"]), ("LCP", me["lcp"] <= them["lcp"]),
            ("CLS", me["cls"] == 0), ("bytes", me["online"] <= them["online"]),
            ("requests before first paint", len(me["blocking_before_paint"]) <= 2),
            ("a11y/best practices/SEO", min(me["a11y"], me["bp"], me["seo"]) == 100)] if not ok]
        lines.append(f"- {page}: " + ("every target met" if not misses else "MISSED: " + ", ".join(misses)))
    mine = [r for page, n, r in rows if n == ours and "languages" not in page]
    lines.append(f"- median over pages: TBT {statistics.median(r['tbt'] for r in mine):.0f} ms (target <= 100), "
                 f"LCP {statistics.median(r['lcp'] for r in mine):.2f} s (target <= 1.2)")
    return lines


def measure(url: str, tag: str, html: Path | None) -> dict:
    runs = [lighthouse(url, OUT / f"report-{tag}-{i}.json") for i in range(RUNS)]
    result = median_run(runs)
    fonts = stock_fonts(html.read_text(encoding="utf-8")) if html is not None else {}
    result["online"] = result["kb"] + sum(fonts.values()) / 1024
    return result


def main() -> int:
    assert LIGHTHOUSE.exists(), "Lighthouse is missing: run `npm ci` (make bench does)"
    OUT.mkdir(exist_ok=True)
    ours, stock = "this site", "stock Material"
    configs = {ours: ROOT / "mkdocs.yml", stock: write_stock_config(OUT)}
    sites, folders = {}, {}
    for name, config in configs.items():
        folders[name] = OUT / name.replace(" ", "-")
        folders[name].mkdir(exist_ok=True)
        sites[name] = serve(folders[name])
        build(config, folders[name], sites[name])
    measured = [(page, name, page) for page in pages() for name in sites]
    if LANGUAGES > 1:
        label = f"{stock}, {LANGUAGES} languages"
        folders[label] = OUT / label.replace(" ", "-").replace(",", "")
        folders[label].mkdir(exist_ok=True)
        sites[label] = serve(folders[label])
        build(write_languages_config(configs[stock], LANGUAGES, sites[label]), folders[label], sites[label])
        serve_languages(folders[label], LANGUAGES)
        measured += [(f"article/ ({LANGUAGES} languages)", ours, "el/article/"),
                     (f"article/ ({LANGUAGES} languages)", label, "article/")]

    rows = []
    for label, name, page in measured:
        html = folders[name] / page / "index.html" if name.startswith(stock) else None
        tag = f"{name.split()[0]}{'-lang' if 'languages' in name else ''}-{page.replace('/', '_') or 'home'}"
        result = measure(sites[name] + page, tag, html)
        rows.append((label or "/", ours if name.startswith(ours) else stock, result))
        print(f"measured {label or '/'} on {name}", file=sys.stderr)

    report = [f"# make bench: Lighthouse {json.loads((OUT / f'report-{tag}-0.json').read_text())['lighthouseVersion']}, "
              f"mobile preset, median of {RUNS} run(s), spread over runs in brackets", "",
              "KiB is what Lighthouse counted; KiB online adds, for stock Material, the Google Fonts files an online "
              "reader downloads (STOCK_FONT_BYTES in scripts/bench.py), which fail here.", "",
              *results_table(rows, [ours, stock]), "", "## Targets", "", TARGETS, "",
              *verdicts(rows, ours, stock), "", "## Where the main-thread time goes", "",
              "From Lighthouse's long-tasks (each task's work by kind, from its debug data), "
              "mainthread-work-breakdown and bootup-time audits, in simulated phone milliseconds. "
              "\"page\" is the HTML itself (parsing, style, layout, inline scripts); \"Unattributable\" is "
              "browser work no file is blamed for.", "", *findings(rows), "", "## Budget", "",
              "Transferred KiB by kind, requests in all, and every request that started before the first paint "
              "(in Chromium's unthrottled timeline; the favicon's never holds the paint up).", "",
              *budget(rows), ""]
    (OUT / "results.md").write_text("\n".join(report), encoding="utf-8")
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
