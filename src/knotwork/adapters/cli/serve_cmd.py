"""``knotwork serve``: the web app, on 127.0.0.1:8000 unless told otherwise."""

from __future__ import annotations

import argparse
import contextlib
import sys

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo
from knotwork.core.errors import InvalidInput


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("serve", help="run the web app (http://127.0.0.1:8000)")
    p.add_argument("--host", help="address to listen on (default KNOTWORK_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, help="port, 1-65535 (default KNOTWORK_PORT or 8000)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    from knotwork.adapters.web.hosts import WILDCARDS
    from knotwork.adapters.web.server import listen, serve

    host = (args.host if args.host is not None else ctx.settings.host).strip()
    port = args.port if args.port is not None else ctx.settings.port  # 0 is a port asked for
    if not host:
        raise InvalidInput("--host is empty; give an address such as 127.0.0.1.")
    if host.strip("[]") in WILDCARDS and not ctx.settings.allowed_hosts:
        raise InvalidInput(
            f"--host {host} listens on every address: set KNOTWORK_ALLOWED_HOSTS to the names "
            "or addresses people will open it by (e.g. 192.168.1.20), so that no other site "
            "can reach it through a name of its own."
        )
    from knotwork.adapters.web.diary_store import DiaryStore

    # The diary store is opened (created, migrated, checked) before the server listens: a
    # store it cannot use stops it here with one line, not on every request.
    diary = DiaryStore(ctx.settings.database_url, ctx.store)
    sock = listen(host.strip("[]"), port)  # a bad host or a port in use: one line, exit 2
    try:
        settings = ctx.settings._replace(host=host, port=port)
        from knotwork.adapters.web.app import create_app

        app = create_app(settings, ctx.finder, diary=diary)
        # The knowledge base is loaded once and kept for the life of the server: freeze it out
        # of the garbage collector's sight, so a full collection does not walk hundreds of
        # thousands of static objects in the middle of a request (it showed as p99 spikes of
        # ~100 ms).
        import gc

        gc.collect()
        gc.freeze()
        echo(f"Knotwork is running at {url(host, port)} (press Ctrl+C to stop)")
        sys.stdout.flush()  # seen now, also when the output is a pipe or a log file
        with contextlib.suppress(KeyboardInterrupt):  # uvicorn stops, then passes Ctrl+C on
            serve(app, sock, settings.limits, settings.log_level)
        echo("Knotwork stopped.")
    finally:
        sock.close()
    return 0


def url(host: str, port: int) -> str:
    host = host.strip("[]")
    if host in ("0.0.0.0", "::"):
        host = "127.0.0.1"  # every address: this one is the one that works here
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
