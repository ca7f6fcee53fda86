"""Build the ASGI app: the route table in one place, errors translated once, strict headers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from knotwork import __version__
from knotwork.adapters.web import (
    api,
    diary_api,
    diary_pages,
    errors,
    exchange_routes,
    fairtest_api,
    fairtest_pages,
    maps,
    openapi,
    pages,
    report_routes,
    session_pages,
)
from knotwork.adapters.web.caching import CachePolicy
from knotwork.adapters.web.csrf import CsrfGuard
from knotwork.adapters.web.diary_store import DiaryStore
from knotwork.adapters.web.head import HeadAsGet
from knotwork.adapters.web.hosts import HostCheck, allowed_hosts
from knotwork.adapters.web.limits import BodyLimit
from knotwork.adapters.web.respond import json_response
from knotwork.adapters.web.security import SecurityHeaders
from knotwork.adapters.web.state import AppState
from knotwork.config import Settings, load_settings
from knotwork.core.finder.index import FinderIndex, load_index
from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase

STATIC = Path(__file__).resolve().parent / "static"
REPORT_STATIC = Path(__file__).resolve().parents[1] / "report" / "static"


def create_app(
    settings: Settings | None = None,
    index: FinderIndex | None = None,
    kb: KnowledgeBase | None = None,
    diary: DiaryStore | None = None,
) -> FastAPI:
    settings = settings or load_settings()
    index = index or load_index(cache_dir=settings.cache_dir)
    kb = kb or load_kb(cache_dir=settings.cache_dir)
    app = FastAPI(
        title="Knotwork API",
        version=__version__,
        description="Find the muscles behind your pain, screen for red flags first. "
        "Knotwork informs; it does not diagnose.",
        docs_url=None,
        redoc_url=None,  # their pages load scripts from another host
    )
    app.state.knotwork = AppState(settings, index, kb, diary or DiaryStore(settings.database_url))
    errors.install(app)
    app.include_router(api.router)
    app.include_router(diary_api.router)
    app.include_router(exchange_routes.router)
    app.include_router(report_routes.router)
    app.include_router(pages.router)
    app.include_router(diary_pages.router)
    app.include_router(session_pages.router)
    app.include_router(fairtest_api.router)
    app.include_router(fairtest_pages.router)
    app.include_router(maps.router)
    # The report's stylesheet lives with the report (the PDF uses it too); mounted first, as
    # "/static" would otherwise take its path.
    app.mount("/static/report", StaticFiles(directory=REPORT_STATIC), name="report-static")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> object:
        return json_response({"ok": True})

    openapi.install(app)
    limits = settings.limits
    # Outermost last: headers on every response (500s included), then errors caught, then
    # the host, the body's size and forgery, around every route there is or will be; HEAD
    # runs the GET inside all of them.
    app.add_middleware(HeadAsGet)
    app.add_middleware(CsrfGuard)
    app.add_middleware(BodyLimit, max_bytes=limits.max_body_bytes)
    app.add_middleware(HostCheck, allowed=allowed_hosts(settings))
    app.add_middleware(errors.ErrorBoundary)
    app.add_middleware(CachePolicy, version=__version__)
    app.add_middleware(SecurityHeaders)
    return app
