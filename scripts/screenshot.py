"""Take a PNG of an eventgraph HTML view in headless Chromium (Debian's /usr/bin/chromium).

usage: python scripts/screenshot.py GRAPH.html OUT.png [--width 1400] [--height 900] [--scale 1] [--select NAME | --select-hub]

The page is opened offline and every request other than the page itself is
refused, so the picture shows exactly what a reader without network sees. The
shot is taken once the view has stabilized its layout (body[data-ready="1"]).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
READY = "body[data-ready='1']"
# Select a node by name, or (name null) the most connected person, mission or organization.
SELECT = """name => {
    const g = window.eventgraph;
    const hub = () => g.data.nodes.filter(n => ["Person", "Embassy", "Organization"].includes(n.group)).reduce((a, b) => (b.degree > a.degree ? b : a)).id;
    const id = name === null ? hub() : g.find(name);
    if (id !== null) g.select(id);
    return id;
}"""
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def screenshot(html: Path, png: Path, width: int, height: int, scale: float = 1.0, timeout_s: float = 60,
               select: str | None = None, hub: bool = False) -> list[str]:
    """Write the PNG; return the page's console errors and refused requests (empty when all is well)."""
    from playwright.sync_api import sync_playwright

    url = html.resolve().as_uri()
    problems: list[str] = []

    def route(route):
        if route.request.url == url:
            route.continue_()
        else:
            problems.append(f"refused request: {route.request.url}")
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(offline=True, viewport={"width": width, "height": height}, device_scale_factor=scale)
            page = context.new_page()
            page.route("**/*", route)
            page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            page.goto(url)
            page.wait_for_selector(READY, state="attached", timeout=timeout_s * 1000)
            if select or hub:  # as a click would: the node's neighbourhood highlighted, its evidence in the side panel
                found = page.evaluate(SELECT, None if hub else select)
                if found is None:
                    problems.append(f"no node named {select!r}" if select else "no node to select")
            page.evaluate(NEXT_FRAME)  # let the fitted view paint before the shot
            page.screenshot(path=str(png))
        finally:
            browser.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="an HTML view written by `eventgraph build` or `eventgraph view`")
    parser.add_argument("png", type=Path, help="where to write the PNG")
    parser.add_argument("--width", type=int, default=1400, help="viewport width in CSS pixels (default 1400)")
    parser.add_argument("--height", type=int, default=900, help="viewport height in CSS pixels (default 900)")
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio, e.g. 2 for a sharper image (default 1)")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--select", metavar="NAME", help="select the node with this name first (highlight and side panel)")
    choice.add_argument("--select-hub", action="store_true", help="select the most connected person, mission or organization")
    args = parser.parse_args(argv)
    if not args.html.is_file():
        parser.error(f"{args.html}: no such file")
    if not os.access(CHROMIUM, os.X_OK):
        parser.error(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import (
        Error as PlaywrightError,  # its TimeoutError is one too
    )

    try:
        problems = screenshot(args.html, args.png, args.width, args.height, args.scale, select=args.select, hub=args.select_hub)
    except PlaywrightError as error:  # a launch failure or a page that never got ready: one line, not a traceback
        print(f"screenshot failed: {type(error).__name__}: {str(error).splitlines()[0]}", file=sys.stderr)
        return 1
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print(f"wrote {args.png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
