"""The one canonical text form of a muscle file (``knotwork kb fmt``).

Keys follow the schema's field order, defaults are left out, and long text wraps at 100
columns, so two people editing the same file produce the same bytes and diffs stay small.
"""

from __future__ import annotations

from typing import Any

import yaml

from knotwork.core.kb.schema import MuscleFile

WIDTH = 88
FLOW_MAX = 3  # small all-scalar mappings (zones, ranges) read best on one line


# Lists of ids that read best on one line: a technique's postures and a caution's selectors
# (``sites: [groin, thigh-inner]``), as long as they fit.
FLOW_LISTS = frozenset({"postures", "factors", "sites", "techniques", "kinds", "tools"})
FLOW_LIST_MAX = 60  # characters of the items together


class _Flow(dict[str, Any]):
    """A mapping written in flow style: ``{region: temple, kind: essential}``."""


class _FlowList(list[Any]):
    """A list written in flow style: ``[pressure, massage]``."""


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, small mappings inline."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=True)


def _represent_flow_list(dumper: yaml.SafeDumper, data: _FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(_FlowList, _represent_flow_list)


def _flow_list(key: str, value: Any) -> Any:
    ids = isinstance(value, list) and all(isinstance(v, str) for v in value)
    if key in FLOW_LISTS and ids and sum(map(len, value)) <= FLOW_LIST_MAX:
        return _FlowList(value)
    return _mark_flow(value)


def _mark_flow(value: Any) -> Any:
    if isinstance(value, dict):
        marked = {k: _flow_list(k, v) for k, v in value.items()}
        small = len(marked) <= FLOW_MAX and all(isinstance(v, int | str) for v in marked.values())
        short = sum(len(str(v)) for v in marked.values()) < 48
        return _Flow(marked) if small and short else marked
    if isinstance(value, list):
        return [_mark_flow(v) for v in value]
    return value


def canonical_text(muscle: MuscleFile) -> str:
    data = _mark_flow(muscle.model_dump(mode="python", exclude_defaults=True))
    text = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=WIDTH,
        default_flow_style=False,
    )
    return str(text)


def format_file(text: str) -> str:
    """Canonical form of one muscle file's text; raises pydantic or YAML errors if invalid."""
    return canonical_text(MuscleFile.model_validate(yaml.safe_load(text)))
