"""make bench: Lighthouse (mobile preset, default throttling) against every page
of this site and of a stock Material build of the same pages, side by side.

Both are served from 127.0.0.1 with gzip, as GitHub Pages serves them. Each page
is measured RUNS times (default 3) and the median run, by performance score, is
reported. Results go to the terminal and to .bench/results.md.

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
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
# As root on a closed network Chromium needs these (see tests/conftest.py).
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}

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
    """The stock Material configuration, in folder, with its one template."""
    overrides = folder / "stock-overrides"
    overrides.mkdir(parents=True, exist_ok=True)
    # The sign-up page names a template; stock Material gets one that adds nothing.
    (overrides / "sign-up.html").write_text('{% extends "main.html" %}\n', encoding="utf-8")
    config = folder / "stock.yml"
    config.write_text(STOCK_CONFIG.format(root=ROOT, overrides=overrides), encoding="utf-8")
    return config


def serve(folder: Path) -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}/"


def build(config: Path, out: Path, site_url: str) -> None:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(out)],
                   cwd=ROOT, env=env, check=True)


def lighthouse(url: str, report: Path) -> dict:
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
                    f"--chrome-flags={CHROME_FLAGS}"], env={**os.environ, "CHROME_PATH": CHROME}, check=True)
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    return {
        **{name: round(data["categories"][key]["score"] * 100) for name, key in
           [("perf", "performance"), ("a11y", "accessibility"), ("bp", "best-practices"), ("seo", "seo")]},
        "fcp": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "kb": audits["total-byte-weight"]["numericValue"] / 1024,
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score, as Lighthouse advises."""
    ordered = sorted(runs, key=lambda r: (r["perf"], -r["lcp"]))
    return ordered[len(ordered) // 2]


def pages() -> list[str]:
    """Every English page's address under the site's root: "", "article/", "about/privacy/"."""
    found = sorted(p.relative_to(ROOT / "docs" / "en").with_suffix("").as_posix() for p in (ROOT / "docs" / "en").glob("**/*.md"))
    return [(page.removesuffix("index") if page.endswith("index") else page + "/") for page in found]


def main() -> int:
    assert LIGHTHOUSE.exists(), "Lighthouse is missing: run `npm ci` (make bench does)"
    OUT.mkdir(exist_ok=True)
    sites = {}
    for name, config in [("this site", ROOT / "mkdocs.yml"), ("stock Material", write_stock_config(OUT))]:
        folder = OUT / name.replace(" ", "-")
        folder.mkdir(exist_ok=True)
        sites[name] = serve(folder)
        build(config, folder, sites[name])

    rows = []
    for page in pages():
        for name, url in sites.items():
            runs = [lighthouse(url + page, OUT / f"report-{name[0]}-{page.replace('/', '_') or 'home'}-{i}.json")
                    for i in range(RUNS)]
            rows.append((page or "/", name, median_run(runs)))
            print(f"measured {page or '/'} on {name}", file=sys.stderr)

    header = "| page | build | perf | a11y | best pr. | SEO | FCP s | LCP s | TBT ms | CLS | KiB |"
    lines = [header, "|" + "---|" * 11]
    for page, name, r in rows:
        lines.append(f"| {page} | {name} | {r['perf']} | {r['a11y']} | {r['bp']} | {r['seo']} | {r['fcp']:.2f} | "
                     f"{r['lcp']:.2f} | {r['tbt']:.0f} | {r['cls']:.3f} | {r['kb']:.0f} |")
    for name in sites:
        mine = [r for _, n, r in rows if n == name]
        lines.append(f"| **median** | {name} | {statistics.median(r['perf'] for r in mine):.0f} | "
                     f"{statistics.median(r['a11y'] for r in mine):.0f} | {statistics.median(r['bp'] for r in mine):.0f} | "
                     f"{statistics.median(r['seo'] for r in mine):.0f} | {statistics.median(r['fcp'] for r in mine):.2f} | "
                     f"{statistics.median(r['lcp'] for r in mine):.2f} | {statistics.median(r['tbt'] for r in mine):.0f} | "
                     f"{statistics.median(r['cls'] for r in mine):.3f} | {statistics.median(r['kb'] for r in mine):.0f} |")
    table = "\n".join(lines)
    (OUT / "results.md").write_text(f"Lighthouse 12, mobile preset, median of {RUNS} run(s)\n\n{table}\n", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
