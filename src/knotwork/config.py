"""Settings, read in one place from ``KNOTWORK_*`` environment variables.

Only the adapters (CLI, web, storage) read settings; the core receives plain values. Every
variable is parsed strictly and a bad value raises ``ConfigError`` naming the variable, the
value and what is accepted.

| Variable               | Default                          | Meaning                              |
|------------------------|----------------------------------|--------------------------------------|
| KNOTWORK_CACHE_DIR     | $XDG_CACHE_HOME/knotwork         | compiled knowledge cache             |
| KNOTWORK_NO_CACHE      | false                            | true: always rebuild from data files |
| KNOTWORK_HOST          | 127.0.0.1                        | web server address                   |
| KNOTWORK_PORT          | 8000                             | web server port (1-65535)            |
| KNOTWORK_DATABASE_URL  | sqlite:///./knotwork.db          | diary store (SQLite or PostgreSQL)   |
| KNOTWORK_LOG_LEVEL     | info                             | debug, info, warning or error        |
| KNOTWORK_TIMEZONE      | the machine's zone (TZ), or UTC  | diary times: an IANA zone name       |
| KNOTWORK_ALLOWED_HOSTS | (localhost names)                | Host names the web app answers       |

The web server's limits (``Limits`` below, ``KNOTWORK_MAX_*`` and ``KNOTWORK_*_TIMEOUT``) are
listed in README.md and docs/web.md.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from knotwork.core.errors import ConfigError

TRUE = {"1", "true", "yes", "on"}
FALSE = {"", "0", "false", "no", "off"}
LOG_LEVELS = ("debug", "info", "warning", "error")


class Limits(NamedTuple):
    """What one request may cost the web server; enforced as the request streams in
    (adapters/web/server.py before the app runs, adapters/web/limits.py inside it)."""

    max_body_bytes: int = 64 * 1024  # a JSON body; the largest valid finder body is ~50 KB
    max_answers: int = 200  # keys in `answers` and in `press`, each (40 questions, 109 muscles)
    max_url_bytes: int = 32 * 1024  # the flow carries words and answers in the query
    max_header_bytes: int = 32 * 1024  # all header lines together, names and values
    max_headers: int = 100
    header_timeout: int = 10  # seconds from a request's first byte to its last header
    body_timeout: int = 10  # seconds to receive the body once the headers are in
    keep_alive_timeout: int = 5  # seconds an idle connection is kept open
    max_connections: int = 100  # open connections and requests in flight; 503 past it


# (lowest, highest) accepted for each limit, read from KNOTWORK_<NAME upper-cased>.
LIMIT_RANGES = {
    "max_body_bytes": (1024, 16 * 1024 * 1024),
    "max_answers": (1, 100_000),
    "max_url_bytes": (1024, 1024 * 1024),
    "max_header_bytes": (1024, 1024 * 1024),
    "max_headers": (10, 10_000),
    "header_timeout": (1, 3600),
    "body_timeout": (1, 3600),
    "keep_alive_timeout": (1, 3600),
    "max_connections": (1, 100_000),
}


class Settings(NamedTuple):
    cache_dir: Path | None
    host: str
    port: int
    database_url: str
    log_level: str
    timezone: str = "UTC"
    # Host header values answered besides the localhost names (see adapters/web/hosts.py).
    allowed_hosts: tuple[str, ...] = ()
    limits: Limits = Limits()


def env_bool(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ConfigError(f"{name}={raw!r} is not a yes/no value; use true or false")


def env_int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a whole number") from None
    if not low <= value <= high:
        raise ConfigError(f"{name}={value} is out of range; use {low} to {high}")
    return value


def env_choice(env: Mapping[str, str], name: str, default: str, choices: tuple[str, ...]) -> str:
    value = env.get(name, default).strip().lower() or default
    if value not in choices:
        raise ConfigError(f"{name}={value!r} is not one of {', '.join(choices)}")
    return value


def default_cache_dir(env: Mapping[str, str]) -> Path:
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "knotwork"


def database_url(env: Mapping[str, str]) -> str:
    url = env.get("KNOTWORK_DATABASE_URL", "").strip() or "sqlite:///./knotwork.db"
    if not url.startswith(("sqlite://", "postgresql://", "postgresql+psycopg://")):
        raise ConfigError(
            f"KNOTWORK_DATABASE_URL={url!r} is not supported; use sqlite:///PATH or "
            "postgresql+psycopg://USER@HOST/DB"
        )
    return url


def timezone(env: Mapping[str, str]) -> str:
    """The zone diary times are read in: KNOTWORK_TIMEZONE, else the machine's own (TZ or
    /etc/localtime), else UTC."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    given = env.get("KNOTWORK_TIMEZONE", "").strip()
    for name in (given, env.get("TZ", "").strip().lstrip(":"), _machine_zone()):
        if not name:
            continue
        try:
            ZoneInfo(name)
            return name
        except (ZoneInfoNotFoundError, ValueError):
            if name == given:
                raise ConfigError(
                    f"KNOTWORK_TIMEZONE={given!r} is not a time zone; use an IANA name "
                    "like Europe/London"
                ) from None
    return "UTC"


def _machine_zone() -> str:
    try:
        target = os.readlink("/etc/localtime")
    except OSError:
        return ""
    return target.partition("zoneinfo/")[2]


def load_limits(env: Mapping[str, str]) -> Limits:
    defaults = Limits()
    return Limits(
        **{
            name: env_int(env, f"KNOTWORK_{name.upper()}", getattr(defaults, name), low, high)
            for name, (low, high) in LIMIT_RANGES.items()
        }
    )


def allowed_hosts(env: Mapping[str, str]) -> tuple[str, ...]:
    """``KNOTWORK_ALLOWED_HOSTS``: host names or addresses, comma-separated, without ports;
    ``*`` answers any Host header (only behind a proxy that checks it)."""
    raw = env.get("KNOTWORK_ALLOWED_HOSTS", "")
    hosts = tuple(h.strip().lower() for h in raw.split(",") if h.strip())
    for host in hosts:
        if host != "*" and not _host_name(host):
            raise ConfigError(
                f"KNOTWORK_ALLOWED_HOSTS has {host!r}: give host names or addresses without "
                "scheme, port or path (e.g. 192.168.1.20,knotwork.home)"
            )
    return hosts


def _host_name(host: str) -> bool:
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]  # an IPv6 address as written in a URL
    return bool(host) and all(c.isascii() and (c.isalnum() or c in ".-:") for c in host)


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Settings from the environment (``os.environ`` unless given)."""
    env = os.environ if env is None else env
    no_cache = env_bool(env, "KNOTWORK_NO_CACHE", False)
    cache = env.get("KNOTWORK_CACHE_DIR", "").strip()
    return Settings(
        cache_dir=None if no_cache else (Path(cache) if cache else default_cache_dir(env)),
        host=env.get("KNOTWORK_HOST", "").strip() or "127.0.0.1",
        port=env_int(env, "KNOTWORK_PORT", 8000, 1, 65535),
        database_url=database_url(env),
        log_level=env_choice(env, "KNOTWORK_LOG_LEVEL", "info", LOG_LEVELS),
        timezone=timezone(env),
        allowed_hosts=allowed_hosts(env),
        limits=load_limits(env),
    )
