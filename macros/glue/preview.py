"""`make serve`: the strict build on every save, and its errors shown in the browser.

`mkdocs serve` stops when the first build fails, and when a later build fails it keeps the
browser waiting for a site that never comes. An author needs the opposite: the preview keeps
running, and every page shows what is wrong (the file, the line, the fix) until it is fixed, then
reloads by itself. The build is the same strict build as `make build`: nothing is let through
here that the real build would refuse.

Run as `python -m macros.glue.preview [--dev-addr HOST:PORT] [-f mkdocs.yml]`.
"""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer, _Handler, _serve_url

from macros.glue import messages
from macros.render import ENVIRONMENT

log = logging.getLogger("mkdocs.preview")

# file:line (record ..., field ...): what. Fix: how.  -- the shape of every ContentError.
_LOCATED = re.compile(
    r"^(?P<file>[\w./-]+\.(?:md|yml|yaml|json|txt|html))(?::(?P<line>\d+))?"
    r"(?: \((?P<about>[^)]*)\))?: (?P<what>.*?)(?:\. Fix: (?P<fix>.*?))?\.?$",
    re.DOTALL,
)


@dataclass(frozen=True)
class Problem:
    """One problem the build reported, split for the error page."""

    text: str
    file: str = ""
    line: int | None = None
    about: str = ""
    what: str = ""
    fix: str = ""
    excerpt: tuple[tuple[int, str], ...] = ()


def read_problem(text: str, root: Path) -> Problem:
    """Split a build message into where, what and the fix, with the lines around it in the file."""
    match = _LOCATED.match(text.strip())
    if match is None:
        return Problem(text=text.strip(), what=text.strip())
    line = int(match["line"]) if match["line"] else None
    excerpt: tuple[tuple[int, str], ...] = ()
    path = root / match["file"]
    if line is not None and path.is_file():
        rows = path.read_text(encoding="utf-8", errors="replace").splitlines()
        excerpt = tuple(
            (n, rows[n - 1]) for n in range(max(1, line - 2), min(len(rows), line + 2) + 1)
        )
    return Problem(
        text=text.strip(),
        file=match["file"],
        line=line,
        about=match["about"] or "",
        what=match["what"],
        fix=match["fix"] or "",
        excerpt=excerpt,
    )


class _Collect(logging.Handler):
    """Keep each problem a build logs, in order, each once."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = messages.plain_message(record)
        if messages.is_problem(record) and text not in self.found:
            self.found.append(text)


def error_page(problems: list[Problem], address: str) -> str:
    """The page every address shows while the build fails."""
    return ENVIRONMENT.get_template("preview_error.html").render(problems=problems, address=address)


class _QuietHandler(_Handler):
    """Requests logged below WARNING.

    The strict build counts every warning logged while it runs, and a browser asking for a page
    that is not there (or getting the error page) is not a problem with the guide.
    """

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        log.debug('"%s" code %s', self.requestline, code)


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that shows the error page while the last build failed."""

    failure: bytes | None = None

    def __init__(self, **options: object) -> None:
        super().__init__(**options)
        self.RequestHandlerClass = _QuietHandler

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"]
        is_page = path.endswith(("/", ".html")) and not path.startswith("/livereload/")
        if self.failure is None or not is_page:
            return super()._serve_request(environ, start_response)
        page = self._inject_js_into_html(self.failure, self._visible_epoch)
        start_response(
            "500 The guide did not build",
            [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
        )
        return [page]


def serve(config_file: str | None, dev_addr: str) -> int:
    """Build, serve and rebuild on every change until Ctrl+C; a failed build shows its errors."""
    root = Path(config_file).resolve().parent if config_file else Path.cwd()
    site_dir = tempfile.mkdtemp(prefix="guide-preview-")

    def get_config() -> MkDocsConfig:
        config = load_config(config_file=config_file, site_dir=site_dir, dev_addr=dev_addr)
        config.watch.extend(str(root / name) for name in ("data", "macros", "overrides"))
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    url = _serve_url(host, port, mount_path)
    server: PreviewServer

    def builder(config: MkDocsConfig | None = None) -> None:
        collect = _Collect()
        logging.getLogger("mkdocs").addHandler(collect)
        try:
            log.info("Building the guide...")
            config = config or get_config()
            config.site_url = url
            build(config, serve_url=url)
        except KeyboardInterrupt:
            raise
        except BaseException as error:  # the macros plugin stops with SystemExit
            shown = collect.found or [f"{type(error).__name__}: {error}"]
            if not collect.found:  # not logged by the build: say it here too
                log.error(shown[0])
            problems = [read_problem(text, root) for text in shown]
            server.failure = error_page(problems, url).encode("utf-8")
            log.info(
                "The preview shows the error%s at %s until you fix %s; the page reloads by itself.",
                "s" if len(problems) > 1 else "",
                url,
                "them" if len(problems) > 1 else "it",
            )
        else:
            server.failure = None
            log.info("Preview ready: %s", url)
        finally:
            logging.getLogger("mkdocs").removeHandler(collect)

    server = PreviewServer(
        builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path
    )
    try:
        builder(config)
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        log.info("Open %s in your browser. Press Ctrl+C here to stop the preview.", url)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Preview stopped.")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0


def main(arguments: list[str]) -> int:
    """Read the command line, set up MkDocs' console output, and serve."""
    parser = argparse.ArgumentParser(prog="python -m macros.glue.preview", description=__doc__)
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="HOST:PORT to serve on")
    parser.add_argument("-f", "--config-file", default=None, help="the MkDocs configuration")
    options = parser.parse_args(arguments)
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    handler = logging.StreamHandler()
    handler.name = "MkDocsStreamHandler"
    logger.addHandler(handler)
    messages.install()
    return serve(options.config_file, options.dev_addr)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
