"""This request's release sessions: the local person's, on the app's diary store."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import Request

from knotwork.core.release.service import Release

if TYPE_CHECKING:
    from knotwork.adapters.web.diary_store import DiaryStore
    from knotwork.config import Settings


def release(request: Request) -> Release:
    state = request.app.state.knotwork
    holder: DiaryStore = state.diary
    settings: Settings = state.settings
    return Release(holder.open().sessions(), state.kb, holder.clock, settings.timezone)
