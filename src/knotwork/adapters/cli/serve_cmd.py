"""``knotwork serve``: the web app, on 127.0.0.1:8000 unless told otherwise."""

from __future__ import annotations

import argparse

from knotwork.adapters.cli.context import Context
from knotwork.adapters.cli.output import echo


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("serve", help="run the web app (http://127.0.0.1:8000)")
    p.add_argument("--host", help="address to listen on (default KNOTWORK_HOST or 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default KNOTWORK_PORT or 8000)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: Context) -> int:
    import uvicorn

    from knotwork.adapters.web.app import create_app

    host = args.host or ctx.settings.host
    port = args.port or ctx.settings.port
    if not 1 <= port <= 65535:
        from knotwork.core.errors import InvalidInput

        raise InvalidInput(f"--port {port} is out of range; use 1 to 65535")
    from knotwork.adapters.web.diary_store import DiaryStore

    # The diary store is opened (created, migrated, checked) before the server listens: a
    # store it cannot use stops it here with one line, not on every request.
    diary = DiaryStore(ctx.settings.database_url, ctx.store)
    app = create_app(ctx.settings, ctx.finder, diary=diary)
    # The knowledge base is loaded once and kept for the life of the server: freeze it out of
    # the garbage collector's sight, so a full collection does not walk hundreds of thousands
    # of static objects in the middle of a request (it showed as p99 spikes of ~100 ms).
    import gc

    gc.collect()
    gc.freeze()
    echo(f"Knotwork is running at http://{host}:{port} (press Ctrl+C to stop)")
    echo(f"Your diary is kept in {ctx.store.where}")
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=ctx.settings.log_level,
        access_log=ctx.settings.log_level == "debug",
    )
    return 0
