"""A body map stays plain SVG after WeasyPrint is loaded (it re-maps XML namespaces for the
whole process when imported)."""

from __future__ import annotations

import importlib

from knotwork.core.atlas.model import Atlas
from knotwork.core.atlas.render import render_map


def test_maps_keep_their_svg_namespace_after_weasyprint_is_imported(atlas: Atlas) -> None:
    importlib.import_module("weasyprint.pdf.metadata")
    svg = render_map(atlas, shades={"calf-right": 4.0}, standalone=False, crop=True)
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "ns0:" not in svg
