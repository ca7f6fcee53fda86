"""Settings come from KNOTWORK_* variables, strictly parsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from knotwork.config import load_settings
from knotwork.core.errors import ConfigError


def test_defaults() -> None:
    s = load_settings({"HOME": "/home/alice"})
    assert (s.host, s.port, s.log_level) == ("127.0.0.1", 8000, "info")
    assert s.database_url == "sqlite:///./knotwork.db"
    assert s.cache_dir == Path("/home/alice/.cache/knotwork") or s.cache_dir is not None


def test_overrides() -> None:
    s = load_settings(
        {"KNOTWORK_PORT": "9001", "KNOTWORK_CACHE_DIR": "/tmp/kc", "KNOTWORK_LOG_LEVEL": "DEBUG"}
    )
    assert (s.port, s.cache_dir, s.log_level) == (9001, Path("/tmp/kc"), "debug")
    assert load_settings({"KNOTWORK_NO_CACHE": "yes"}).cache_dir is None


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"KNOTWORK_PORT": "eighty"}, "KNOTWORK_PORT='eighty' is not a whole number"),
        ({"KNOTWORK_PORT": "70000"}, "KNOTWORK_PORT=70000 is out of range; use 1 to 65535"),
        ({"KNOTWORK_NO_CACHE": "maybe"}, "KNOTWORK_NO_CACHE='maybe' is not a yes/no value"),
        ({"KNOTWORK_LOG_LEVEL": "loud"}, "KNOTWORK_LOG_LEVEL='loud' is not one of"),
        ({"KNOTWORK_DATABASE_URL": "mysql://x"}, "KNOTWORK_DATABASE_URL='mysql://x' is not"),
        ({"KNOTWORK_TIMEZONE": "Mars/Base"}, "KNOTWORK_TIMEZONE='Mars/Base' is not a time zone"),
    ],
)
def test_bad_values_name_the_variable_and_what_is_accepted(
    env: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(env)
    assert caught.value.message.startswith(message)


def test_the_time_zone_comes_from_the_setting_then_tz() -> None:
    assert load_settings({"KNOTWORK_TIMEZONE": "Asia/Tokyo"}).timezone == "Asia/Tokyo"
    assert load_settings({"TZ": "America/New_York"}).timezone == "America/New_York"
    assert load_settings({"TZ": "Nowhere/Else"}).timezone  # falls back, never fails
