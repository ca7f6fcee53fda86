#!/usr/bin/env python3
"""Draw Knotwork's body map: src/knotwork/data/atlas/bodymap.svg.

The drawing is generated, never edited by hand, so that every tappable shape stays in step with
the atlas (regions.yaml) and the file is byte-for-byte reproducible:

    .venv/bin/python tools/draw_bodymap.py

How it works, in one paragraph: one half of the body is described in "half coordinates" (u, y),
where u is the distance from the midline (so u grows towards the person's outer side) and y runs
down the page. The silhouette is a list of nodes joined by smooth cubic curves. Regions are plain
polygons that tile the half body and deliberately overhang the silhouette; each region is then
clipped by the silhouette, which gives every region a smooth outer edge without any polygon
clipping maths. Each half is placed on the page twice per view with a sign that maps it to the
person's left or right, which is where left/right mistakes usually creep in, so that mapping
lives in exactly one function (`side_sign`). Arms and legs are "limbs": a straight axis plus
medial and lateral edge profiles, cut into strips (inner / middle / outer) and bands (elbow,
wrist, knee, ankle) so neighbouring regions share their edges exactly.

Standard library only; the output is small, deterministic and well-formed XML.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

Pt = tuple[float, float]
Ring = list[Pt]
Profile = tuple[tuple[float, float], ...]

ROOT = Path(__file__).resolve().parent.parent
ATLAS_DIR = ROOT / "src" / "knotwork" / "data" / "atlas"
OUT = ATLAS_DIR / "bodymap.svg"

VIEW_W = 440.0  # width of one view, labels included
VIEW_GAP = 20.0  # blank strip between the two views
PAGE_H = 1095.0
MID_X = VIEW_W / 2  # the body's midline inside a view
VIEW_X0 = {"front": 0.0, "back": VIEW_W + VIEW_GAP}

# Fractions across a limb: 0 is the medial edge, 1 the lateral edge. These two sentinels mean
# "past the edge, into the empty space beside the limb", so the silhouette clip gives the edge.
LO_OUT = -1.0
HI_OUT = 2.0
_SENTINEL_SLOPE = {LO_OUT: -0.3, HI_OUT: 1.3}  # where a slanted cut meets the overhang

STYLE = (
    ".kw-outline{fill:#efe6dc;stroke:#6f6259;stroke-width:3;stroke-linejoin:round}"
    ".kw-region{fill:#efe6dc;stroke:#d3c3b2;stroke-width:.8;stroke-linejoin:round;"
    "cursor:pointer}"
    ".kw-region:hover{fill:#e6d6c6}"
    ".kw-region.kw-spillover{fill:#f8c9ad}"
    ".kw-region.kw-essential{fill:#e2572b}"
    ".kw-region.kw-selected,.kw-region:focus-visible{stroke:#1d4e6e;stroke-width:2.4;outline:none}"
    ".kw-detail{fill:none;stroke:#bfae9c;stroke-width:1;stroke-linecap:round;"
    "pointer-events:none}"
    ".kw-label{fill:#4a3f37;font-family:system-ui,-apple-system,'Segoe UI',Roboto,"
    "Helvetica,Arial,sans-serif;pointer-events:none}"
    # Markers are added by the app's renderer (knotwork.core.atlas.render), not drawn here.
    ".kw-marker circle{fill:#1d4e6e;stroke:#fff;stroke-width:1.5}"
    ".kw-marker text{fill:#fff;font:700 10px system-ui,sans-serif;pointer-events:none}"
)


# ---- Atlas ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Region:
    base: str
    lay: str
    paired: bool
    views: tuple[str, ...]


_REGION_LINE = re.compile(
    r"^\s*- \{id: ([a-z-]+), lay: ([^,]+),.*?laterality: (paired|midline), "
    r"views: \[([a-z, ]+)\]"
)


def read_atlas() -> list[Region]:
    """Read the few fields the drawing needs; regions.yaml keeps one region per line."""
    regions = []
    for line in (ATLAS_DIR / "regions.yaml").read_text(encoding="utf-8").splitlines():
        m = _REGION_LINE.match(line)
        if m:
            views = tuple(v.strip() for v in m.group(4).split(","))
            regions.append(Region(m.group(1), m.group(2).strip(), m.group(3) == "paired", views))
    if len(regions) < 100:
        raise SystemExit(f"regions.yaml: only {len(regions)} regions parsed; format changed?")
    return regions


# ---- Small geometry ------------------------------------------------------------------------


def interp(profile: Profile, x: float) -> float:
    """Piecewise-linear lookup, held constant past either end."""
    if x <= profile[0][0]:
        return profile[0][1]
    for (x0, y0), (x1, y1) in itertools.pairwise(profile):
        if x <= x1:
            return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
    return profile[-1][1]


def ellipse(cx: float, cy: float, rx: float, ry: float, n: int = 16) -> Ring:
    """n points, clockwise on screen (y runs down) from the outer (+u) side: n/4 is the bottom."""
    return [
        (cx + rx * math.cos(2 * math.pi * k / n), cy + ry * math.sin(2 * math.pi * k / n))
        for k in range(n)
    ]


def mirror_join(half: Sequence[Pt]) -> Ring:
    """Close a midline shape: `half` runs from the midline out and back to the midline."""
    return [*half, *((-u, y) for u, y in reversed(half[1:-1]))]


def seg_dist(p: Pt, a: Pt, b: Pt) -> float:
    ax, ay = a
    dx, dy = b[0] - ax, b[1] - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return math.hypot(p[0] - ax - t * dx, p[1] - ay - t * dy)


def inside(p: Pt, rings: Sequence[Ring]) -> bool:
    """Even-odd test, so a second ring is a hole (as drawn with fill-rule evenodd)."""
    x, y = p
    hit = False
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                hit = not hit
    return hit


def edges(rings: Sequence[Ring]) -> list[tuple[Pt, Pt]]:
    return [(a, b) for ring in rings for a, b in zip(ring, ring[1:] + ring[:1], strict=True)]


# ---- Smooth silhouette -----------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    u: float
    y: float
    corner: bool = False


def smooth(u: float, y: float) -> Node:
    return Node(u, y)


def corner(u: float, y: float) -> Node:
    return Node(u, y, corner=True)


Bezier = tuple[Pt, Pt, Pt, Pt]


def beziers(nodes: Sequence[Pt], corners: Sequence[bool]) -> list[Bezier]:
    """Closed Catmull-Rom-style spline; handles scale with segment length to avoid overshoot."""
    n = len(nodes)
    out = []
    for i in range(n):
        p0, p1, p2, p3 = (nodes[(i + k) % n] for k in (-1, 0, 1, 2))
        seg = math.dist(p1, p2) / 3
        c1 = p1 if corners[i] else _handle(p1, p0, p2, seg)
        c2 = p2 if corners[(i + 1) % n] else _handle(p2, p3, p1, seg)
        out.append((p1, c1, c2, p2))
    return out


def _handle(p: Pt, before: Pt, after: Pt, length: float) -> Pt:
    dx, dy = after[0] - before[0], after[1] - before[1]
    norm = math.hypot(dx, dy) or 1.0
    return (p[0] + dx / norm * length, p[1] + dy / norm * length)


def flatten(curves: Sequence[Bezier], steps: int = 8) -> Ring:
    pts = []
    for p0, c1, c2, p1 in curves:
        for k in range(steps):
            t = k / steps
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t**3
            pts.append(
                (
                    a * p0[0] + b * c1[0] + c * c2[0] + d * p1[0],
                    a * p0[1] + b * c1[1] + c * c2[1] + d * p1[1],
                )
            )
    return pts


# ---- Limbs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Limb:
    """A straight limb: p runs along `axis` from `origin`, q runs towards the lateral side."""

    origin: Pt
    axis: Pt
    lo: Profile  # medial edge, as q at p
    hi: Profile  # lateral edge
    lo_out: Profile  # how far medial regions may overhang (stays inside the gap to the trunk)
    hi_out: Profile

    def q(self, p: float, f: float) -> float:
        if f == LO_OUT:
            return interp(self.lo_out, p)
        if f == HI_OUT:
            return interp(self.hi_out, p)
        lo, hi = interp(self.lo, p), interp(self.hi, p)
        return lo + f * (hi - lo)

    def xy(self, p: float, q: float) -> Pt:
        (ox, oy), (ax, ay) = self.origin, self.axis
        return (ox + p * ax + q * ay, oy + p * ay - q * ax)

    def pt(self, p: float, f: float) -> Pt:
        return self.xy(p, self.q(p, f))

    def stations(self, p0: float, p1: float) -> list[float]:
        """Profile nodes strictly between p0 and p1, in walking order."""
        nodes = {x for prof in (self.lo, self.hi, self.lo_out, self.hi_out) for x, _ in prof}
        inner = sorted(x for x in nodes if min(p0, p1) < x < max(p0, p1))
        return inner if p0 < p1 else inner[::-1]


@dataclass(frozen=True)
class Cut:
    """A line across a limb: p (along the limb) as a function of the fraction f across it."""

    fn: Callable[[float], float]
    straight: bool = False  # a flat cut is a straight line, so it needs no points in between

    def p(self, f: float) -> float:
        return self.fn(_SENTINEL_SLOPE.get(f, f))


# Interior sample points of curved cuts sit on one shared grid of fractions, so two regions
# that share part of a curved cut get exactly the same vertices along it.
CUT_GRID = tuple(round(-0.3 + k * 0.1, 2) for k in range(17))


def flat(p: float) -> Cut:
    return Cut(lambda f: p, straight=True)


def slant(p_lo: float, p_hi: float) -> Cut:
    """A cut at p_lo on the medial edge and p_hi on the lateral edge."""
    return Cut(lambda f: p_lo + (p_hi - p_lo) * f)


def bowed(p_lo: float, p_mid: float, p_hi: float) -> Cut:
    """A curved cut (e.g. the gluteal fold): quadratic through the edge and middle values."""

    def fn(f: float) -> float:
        f = max(0.0, min(1.0, f))  # flat in the overhang, so it cannot swing up or down
        return p_lo * (1 - f) * (1 - 2 * f) + 4 * p_mid * f * (1 - f) + p_hi * f * (2 * f - 1)

    return Cut(fn)


def cut_edge(limb: Limb, cut: Cut, f0: float, f1: float) -> Ring:
    """Points along a cut from fraction f0 to f1; both neighbours call this, so edges match."""
    a, b = _SENTINEL_SLOPE.get(f0, f0), _SENTINEL_SLOPE.get(f1, f1)
    inner = [] if cut.straight else [g for g in CUT_GRID if min(a, b) < g < max(a, b)]
    if a > b:
        inner.reverse()
    mids = [limb.xy(cut.fn(g), _q_at(limb, cut.fn(g), g)) for g in inner]
    return [limb.pt(cut.p(f0), f0), *mids, limb.pt(cut.p(f1), f1)]


def _q_at(limb: Limb, p: float, g: float) -> float:
    """q for an interior point of a cut whose fraction g may run into the overhang."""
    if g < 0:
        return limb.q(p, 0) + (limb.q(p, LO_OUT) - limb.q(p, 0)) * (g / -0.3)
    if g > 1:
        return limb.q(p, 1) + (limb.q(p, HI_OUT) - limb.q(p, 1)) * ((g - 1) / 0.3)
    return limb.q(p, g)


def side_line(limb: Limb, f: float, p0: float, p1: float) -> Ring:
    return [limb.pt(p, f) for p in limb.stations(p0, p1)]


def strip(limb: Limb, f0: float, f1: float, top: Cut, bottom: Cut) -> Ring:
    """The polygon between fractions f0 < f1 and two cuts across the limb."""
    t0, t1 = top.p(f0), top.p(f1)
    b0, b1 = bottom.p(f0), bottom.p(f1)
    return [
        *cut_edge(limb, top, f0, f1),
        *side_line(limb, f1, t1, b1),
        *cut_edge(limb, bottom, f1, f0),
        *side_line(limb, f0, b0, t0),
    ]


def band(
    limb: Limb, top: Cut, bottom: Cut, names: Sequence[str], splits: Sequence[float]
) -> list[tuple[str, Ring]]:
    """Cut a band of the limb into len(names) strips, medial first."""
    fs = [LO_OUT, *splits, HI_OUT]
    return [(name, strip(limb, fs[i], fs[i + 1], top, bottom)) for i, name in enumerate(names)]


# ---- Proportions -----------------------------------------------------------------------------
# All numbers below are half coordinates (u from the midline, y down) in a view about 440 x 1060.
# The head and hands are drawn a little larger than life so teeth, eyes and fingers stay tappable.


def _unit(dx: float, dy: float) -> Pt:
    n = math.hypot(dx, dy)
    return (dx / n, dy / n)


ARM_ORIGIN: Pt = (97.0, 278.0)  # shoulder joint; the arm hangs straight, slightly abducted
ARM_AXIS = _unit(44, 307)
WRIST_P = 310.0  # distance from shoulder joint to wrist crease along the arm
# fmt: off
ARM_HI: Profile = (
    (-12, 19), (6, 25), (30, 24), (60, 22), (100, 20.5), (140, 19.5), (158, 19), (182, 21),
    (215, 19.5), (255, 17), (290, 15.5), (310, 15.5), (322, 20), (345, 25.5), (366, 26.5),
)
ARM_LO: Profile = (
    (40, -22), (60, -21), (100, -20), (140, -19), (158, -18.5), (182, -20), (215, -18.5),
    (255, -16.5), (290, -14.5), (310, -14.5), (322, -18.5), (345, -25), (366, -26),
)
TORSO: Profile = (
    (322, 84), (340, 83.5), (370, 82), (400, 78.5), (426, 74.5), (445, 73), (464.5, 76),
    (486, 83), (512, 90), (538, 93), (564, 92), (607.5, 88), (667, 83), (715, 76.5), (748.5, 74),
    (780.5, 74.5), (816.5, 76.5), (858.5, 71), (900.5, 63), (936, 59), (960, 58),
)  # the outer edge of trunk and leg, as u at y
LEG_MED: Profile = (
    (576, 2), (598, 4.5), (643, 8.5), (691, 13.5), (727, 18), (751, 20), (780.5, 19), (812, 16),
    (860, 18), (906.5, 22.5), (936, 23.5), (960, 23),
)  # the inner edge of the leg
# fmt: on
CROTCH_Y = 575.0


def _arm_medial_u() -> Profile:
    """The arm's inner edge as u at y, to measure the gap between arm and trunk."""
    bare = Limb(ARM_ORIGIN, ARM_AXIS, ARM_LO, ARM_HI, ARM_LO, ARM_HI)
    pts = sorted((bare.pt(p, 0)[1], bare.pt(p, 0)[0]) for p, _ in ARM_LO)
    return tuple(pts)


ARM_MEDIAL_U = _arm_medial_u()


def overhang(y: float) -> float:
    """How far trunk and arm regions may reach into the gap between them without touching."""
    if y < ARM_MEDIAL_U[0][0] or y > ARM_MEDIAL_U[-1][0] + 40:
        return 10.0
    gap = interp(ARM_MEDIAL_U, y) - interp(TORSO, y)
    return max(0.0, min(10.0, 0.45 * gap))


def side(y: float) -> Pt:
    """A point just outside the trunk's outer edge at height y."""
    return (interp(TORSO, y) + overhang(y), y)


def _arm() -> Limb:
    probe = Limb(ARM_ORIGIN, ARM_AXIS, ARM_LO, ARM_HI, ARM_LO, ARM_HI)
    lo_out = tuple((p, q - overhang(probe.pt(p, 0)[1])) for p, q in ARM_LO)
    hi_out = tuple((p, q + 10) for p, q in ARM_HI)
    return Limb(ARM_ORIGIN, ARM_AXIS, ARM_LO, ARM_HI, lo_out, hi_out)


def _leg() -> Limb:
    ys = sorted({y for y, _ in TORSO} | {y for y, _ in ARM_MEDIAL_U})
    hi_out = tuple((y, side(y)[0]) for y in ys)
    lo_out: Profile = ((540, 0), (697, 0), (745, 12), (960, 17), (1040, 15))
    # A leg is vertical, so its own coordinates are simply p = y and q = u.
    return Limb((0.0, 0.0), (0.0, 1.0), LEG_MED, TORSO, lo_out, hi_out)


ARM = _arm()
LEG = _leg()


def hand(a: float, q: float) -> Pt:
    """Hand coordinates: a along the hand from the wrist crease, q towards the thumb side."""
    return ARM.xy(WRIST_P + a, q)


# ---- Hand and fingers ------------------------------------------------------------------------


@dataclass(frozen=True)
class Digit:
    """A finger as a capsule in hand coordinates; angle turns it towards the thumb side."""

    a: float
    q: float
    length: float
    width: float
    angle: float

    def at(self, t: float, s: float) -> Pt:
        """t along the digit from its base, s across it (positive towards the thumb side)."""
        ea, eq = self.dir
        return (self.a + t * ea - s * eq, self.q + t * eq + s * ea)

    @property
    def dir(self) -> Pt:
        return (math.cos(math.radians(self.angle)), math.sin(math.radians(self.angle)))


THUMB = Digit(24, 26, 48, 15, 24)
FINGERS = {
    "index-finger": Digit(60, 19.5, 45, 12.4, 4),
    "middle-finger": Digit(62, 6.5, 50, 12.8, 1),
    "ring-finger": Digit(61, -6.3, 46, 12.4, -2.5),
    "little-finger": Digit(57, -18.8, 37, 11.4, -6),
}
THUMB_CUT = 16.0  # where the thumb leaves the palm outline (the web)


def digit_nodes(d: Digit, base_corner: tuple[bool, bool], end_t: float = 0.0) -> list[Node]:
    """Outline of one digit, down its thumb side, round the tip, up its little-finger side."""
    r = d.width / 2
    near = d.length - r
    path = [(0.0, r, base_corner[0]), (near / 2, r, False), (near, r, False)]
    path += [(near + r * math.cos(a), r * math.sin(a), False) for a in (0.8, 0.0, -0.8)]
    path += [(near, -r, False), ((near + end_t) / 2, -r, False), (end_t, -r, base_corner[1])]
    return [Node(*hand(*d.at(t, s)), corner=c) for t, s, c in path]


def hand_nodes() -> list[Node]:
    nodes = [smooth(*hand(0, 16.5)), smooth(*hand(10, 23))]
    nodes += digit_nodes(THUMB, (False, True), end_t=THUMB_CUT)
    nodes.append(smooth(*hand(50, 26.4)))
    names = list(FINGERS)
    for i, name in enumerate(names):
        nodes += digit_nodes(FINGERS[name], (i > 0, i < len(names) - 1))
    nodes += [smooth(*hand(44, -26.3)), smooth(*hand(26, -24.5)), smooth(*hand(11, -19.5))]
    return nodes


def _gap(lat: Digit, med: Digit) -> tuple[Pt, Pt]:
    """Base point and direction of the line that splits two neighbouring fingers."""
    a = lat.at(0, -lat.width / 2)
    b = med.at(0, med.width / 2)
    d = _unit(lat.dir[0] + med.dir[0], lat.dir[1] + med.dir[1])
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), d


def _ray(p: Pt, d: Pt, length: float, q_shift: float = 0.0) -> Pt:
    return (p[0] + d[0] * length, p[1] + d[1] * length + q_shift)


def hand_regions(view: str) -> list[tuple[str, Ring]]:
    """Palm (front) or back of the hand: the same tiling, thumb on the outer side in both."""
    crease = flat(WRIST_P + 5)
    index, middle, ring, little = FINGERS.values()
    ilx = index.at(0, index.width / 2 + 3)
    lmx = little.at(0, -little.width / 2 - 8)
    (g12, d12), (g23, d23), (g34, d34) = _gap(index, middle), _gap(middle, ring), _gap(ring, little)
    m16, l16 = THUMB.at(THUMB_CUT, -THUMB.width / 2), THUMB.at(THUMB_CUT, THUMB.width / 2)
    l16x = THUMB.at(THUMB_CUT, THUMB.width / 2 + 9)
    thenar_line = [(34.0, 14.0), (20.0, 9.0)]
    hypo_line = [(20.0, -9.0), (40.0, -11.5)]
    wedges = [
        ("index-finger", ilx, index.dir, g12, d12),
        ("middle-finger", g12, d12, g23, d23),
        ("ring-finger", g23, d23, g34, d34),
        ("little-finger", g34, d34, lmx, little.dir),
    ]
    middle_name = "palm" if view == "front" else "back-of-hand"
    regions = [
        (
            "hand-little-finger-side",
            cut_edge(ARM, crease, LO_OUT, 0.3) + _h([*hypo_line, g34, lmx, (45, -36), (20, -32)]),
        ),
        (
            middle_name,
            cut_edge(ARM, crease, 0.3, 0.7)
            + _h([*thenar_line[::-1], m16, (50, 28), ilx, g12, g23, g34, *hypo_line[::-1]]),
        ),
        (
            "thumb-base",
            cut_edge(ARM, crease, 0.7, HI_OUT) + _h([(12, 34), l16x, l16, m16, *thenar_line]),
        ),
        ("thumb", _h([m16, l16x, _ray(l16x, THUMB.dir, 60), _ray(m16, THUMB.dir, 60, -3)])),
    ]
    for name, hi, dhi, lo, dlo in wedges:
        regions.append((name, _h([lo, hi, _ray(hi, dhi, 70), _ray(lo, dlo, 70)])))
    return regions


def _h(pts: Iterable[Pt]) -> Ring:
    return [hand(a, q) for a, q in pts]


# ---- Silhouette --------------------------------------------------------------------------------

# fmt: off
HEAD_AND_SHOULDER = [
    smooth(0, 62), smooth(25, 65), smooth(43, 76), smooth(52, 93), smooth(55, 111),
    corner(55.5, 118),  # the ear joins the head here
    smooth(60, 114), smooth(65, 120), smooth(66.5, 134), smooth(64.5, 150), smooth(59.5, 162),
    corner(54, 165),
    smooth(51, 173), smooth(46, 184), smooth(38, 195), corner(30, 203),  # jaw meets neck
    smooth(27, 212), smooth(27, 223), smooth(31, 233), smooth(45, 242), smooth(70, 249),
    smooth(95, 255), smooth(111, 261),
]

# Front view: one smooth edge for the small toes, a notch, then the big toe. The gaps between
# the small toes are short detail lines, which keeps the outline calm rather than paw-like.
FOOT_FRONT = [
    smooth(58.5, 972), smooth(63, 988), smooth(67.5, 1000), smooth(70, 1011),
    smooth(68, 1019), smooth(62.5, 1025), smooth(55, 1029), smooth(47, 1031),
    corner(41.5, 1027.5), smooth(38, 1033), smooth(31.5, 1035.5), smooth(25, 1033),
    smooth(21, 1025), smooth(20.5, 1008), smooth(21, 986), smooth(23, 970),
]
TOE_GAPS = [((64.5, 1016), (65.5, 1023)), ((57.5, 1020), (58.5, 1027.5)),
            ((50, 1023), (50.5, 1030.5))]

# Back view: the sole as a footprint hanging from the heel (heel pad, the arch narrow on the
# inner side, the ball), with the toe prints as separate islands that belong to the ball.
FOOT_BACK = [
    smooth(59.5, 974), smooth(59.5, 991), smooth(57.5, 1008), smooth(59, 1024),
    smooth(62, 1038), smooth(62, 1049), smooth(57, 1057), smooth(46, 1060.5),
    smooth(34, 1060.5), smooth(24.5, 1056), smooth(20, 1046), smooth(21.5, 1033),
    smooth(26.5, 1019), smooth(27, 1004), smooth(23.5, 990), smooth(22, 975),
]
TOE_PADS = [(31, 1071, 6.5, 7), (43, 1069, 3.8, 4.6), (52, 1066.3, 3.5, 4.3), (60, 1062, 3.2, 4),
            (66.5, 1054, 2.9, 3.6)]  # centre u, centre y, rx, ry; big toe first
# fmt: on


def half_outline(view: str) -> list[Node]:
    """The right half of the silhouette, clockwise from the top of the head to the crotch."""
    nodes = list(HEAD_AND_SHOULDER)
    nodes += [smooth(*ARM.pt(p, 1)) for p, _ in ARM_HI if 6 <= p <= 290]
    nodes += hand_nodes()
    nodes += [smooth(*ARM.pt(p, 0)) for p, _ in reversed(ARM_LO) if 60 <= p <= WRIST_P]
    nodes.append(corner(84, 322))  # armpit
    nodes += [smooth(u, y) for y, u in TORSO if y >= 340]
    nodes += FOOT_FRONT if view == "front" else FOOT_BACK
    nodes += [smooth(u, y) for y, u in reversed(LEG_MED) if y >= 620]
    nodes.append(corner(0, CROTCH_Y))
    return nodes


def outline_paths(view: str) -> list[list[Node]]:
    """Closed outlines in half coordinates mirrored into whole ones: the body, then any islands."""
    right = half_outline(view)
    body = right + [Node(-n.u, n.y, n.corner) for n in reversed(right[1:-1])]
    pads = [ellipse(u, y, rx, ry, 8) for u, y, rx, ry in TOE_PADS] if view == "back" else []
    # Mirroring reverses a ring's direction; reverse it back so the fill rule sees no holes.
    islands = [[Node(u, y) for u, y in pad] for pad in pads]
    islands += [[Node(-u, y) for u, y in reversed(pad)] for pad in pads]
    return [body, *islands]


# ---- Regions: head and neck --------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One region's geometry in half coordinates; midline parts already span both halves."""

    base: str
    rings: tuple[Ring, ...]
    midline: bool = False


def paired(name: str, *rings: Sequence[Pt]) -> Part:
    return Part(name, tuple(list(r) for r in rings))


def midline(name: str, half: Sequence[Pt]) -> Part:
    return Part(name, (mirror_join(half),), midline=True)


# fmt: off
EYE = ellipse(21, 131, 16, 11, 24)  # index 0 outer corner, 6 bottom, 12 inner corner, 18 top
BEHIND_EYE = ellipse(21, 131, 8.5, 6.5, 20)
EAR: Ring = [(55.5, 118), (66, 114), (76, 118), (76, 172), (54, 166), (53, 152), (52, 129)]
# The lips, from the midline to the corner of the mouth (top) and back (bottom).
LIP_TOP = [(0, 167.5), (5, 167.6), (9.5, 168.2), (13.5, 169.4), (16.8, 171), (19, 173)]
LIP_BOTTOM = [(19, 173), (16.8, 175.3), (13.5, 177.1), (9.5, 178.3), (5, 178.9), (0, 179)]
EYEBROW_TOP = [(5, 112), (15, 107), (28, 106), (40, 110)]
EYEBROW_END = (44, 116)


def head_front() -> list[Part]:
    upper_arc = [EYE[(24 - k) % 24] for k in range(13)]  # outer corner, over the top, inner corner
    lower_arc = EYE[12:0:-1]  # inner corner, under the eye, towards the outer corner
    return [
        midline("vertex", [(0, 40), (66, 40), (66, 102), (48, 100), (36, 90), (20, 83), (0, 82)]),
        paired("forehead", [(0, 82), (20, 83), (36, 90), *EYEBROW_TOP[::-1], (5, 114), (0, 114)]),
        paired("temple", [(36, 90), (48, 100), (66, 102), (66, 114), (55.5, 118), (52, 129),
                          (41, 130), EYE[0], EYEBROW_END, (40, 110)]),
        paired("eyebrow", [*EYEBROW_TOP, EYEBROW_END, *upper_arc]),
        paired("eye", EYE, BEHIND_EYE[::-1]),
        paired("behind-eye", BEHIND_EYE),
        midline("nose", [(0, 114), (5, 114), EYE[12], (7, 144), (11, 151), (10, 157), (0, 159)]),
        paired("cheek", [EYE[0], (41, 130), (42, 154), (34, 161), (24, 161), (14, 157),
                         (10, 157), (11, 151), (7, 144), *lower_arc]),
        paired("ear", EAR),
        paired("jaw-joint", [(41, 130), (52, 129), (53, 152), (42, 154)]),
        paired("upper-teeth", [(0, 159), (10, 157), (14, 157), (24, 161), (27, 173),
                               *LIP_TOP[::-1]]),
        midline("mouth", [*LIP_TOP, *LIP_BOTTOM[1:]]),
        paired("lower-teeth", [*LIP_BOTTOM[::-1], (27, 173), (26, 188), (12, 190), (0, 190)]),
        midline("chin", [(0, 190), (12, 190), (26, 188), (20, 205), (10, 208), (0, 209)]),
        paired("jaw", [(42, 154), (53, 152), (54, 166), (62, 172), (56, 190), (44, 202),
                       (30, 202), (20, 205), (26, 188), (27, 173), (24, 161), (34, 161)]),
    ]


def head_back() -> list[Part]:
    return [
        midline("vertex", [(0, 40), (66, 40), (66, 102), (48, 100), (24, 88), (0, 86)]),
        paired("back-of-head", [(0, 86), (24, 88), (48, 100), (66, 102), (66, 114), (55.5, 118),
                                (52, 129), (52.3, 136), (42, 138), (36, 158), (0, 160)]),
        paired("ear", EAR),
        paired("behind-ear", [(42, 138), (52.3, 136), (53, 152), (54, 166), (62, 172),
                              (52, 184), (40, 178), (36, 158)]),
        paired("base-of-skull", [(0, 160), (36, 158), (40, 178), (30, 194), (16, 198),
                                 (0, 198)]),
    ]


# Where the collarbone runs: top edge (c) and bottom edge (d), from the breastbone outwards.
COLLAR_TOP: Ring = [(10, 241), (24, 246), (50, 256), (78, 262), (104, 268)]
COLLAR_BOTTOM: Ring = [(98, 279), (78, 273), (50, 268), (24, 259), (10, 255)]
SHOULDER_TIP = ARM.xy(-10, 16)  # acromion: where top, front/back and side of shoulder meet
SHOULDER_SPLIT = 0.68  # side of the shoulder and outside of the arm take the outer third


def neck_front() -> list[Part]:
    return [
        midline("throat", [(0, 209), (10, 208), (10, 241), (0, 243)]),
        paired("front-of-neck", [(10, 208), (20, 205), (20, 226), (24, 246), (10, 241)]),
        paired("side-of-neck", [(20, 205), (30, 202), (44, 202), (50, 214), (40, 224),
                                (24, 246), (20, 226)]),
        paired("top-of-shoulder", [(24, 246), (40, 224), (72, 233), (104, 243), (128, 254),
                                   SHOULDER_TIP, *COLLAR_TOP[4:1:-1]]),
        paired("collarbone", COLLAR_TOP + COLLAR_BOTTOM),
        side_of_shoulder(),
    ]


def neck_back() -> list[Part]:
    return [
        paired("back-of-neck", [(0, 198), (16, 198), (18, 232), (18, 246), (0, 248)]),
        paired("side-of-neck", [(16, 198), (30, 194), (40, 178), (52, 184), (44, 206),
                                (34, 222), (18, 232)]),
        paired("neck-shoulder-angle", [(18, 232), (34, 222), (56, 232), (58, 250), (40, 260),
                                       (28, 262), (20, 258), (18, 246)]),
        paired("top-of-shoulder", [(58, 250), (56, 232), (80, 238), (106, 246), (128, 254),
                                   SHOULDER_TIP, (100, 268), (78, 262)]),
        side_of_shoulder(),
    ]


# fmt: on
def side_of_shoulder() -> Part:
    """Outer deltoid, the same on both views: from the acromion down to the upper arm."""
    return paired(
        "side-of-shoulder",
        [
            SHOULDER_TIP,
            (128, 254),
            ARM.pt(-12, HI_OUT),
            *side_line(ARM, HI_OUT, -12, 75),
            ARM.pt(75, HI_OUT),
            ARM.pt(75, SHOULDER_SPLIT),
        ],
    )


# ---- Regions: trunk --------------------------------------------------------------------------

THIGH_TOP_FRONT = slant(580, 548.5)  # hip crease, higher on the outside
GLUTEAL_FOLD = bowed(586, 600, 572.5)
NAVEL = ellipse(0, 460, 15, 15)  # index 0 outer, 4 bottom, 12 top


def sides(*ys: float) -> list[Pt]:
    return [side(y) for y in ys]


# fmt: off
def chest_front() -> list[Part]:
    b0, b1, b2 = (13, 298), (45, 297), (74, 300)  # lower edge of the pectoral area
    dp, ax = (88, 298), (72, 334)  # deltopectoral groove; front of the armpit hollow
    lru = [(12, 350), (38, 368), (66, 396)]  # costal margin band, upper and lower edge
    lrl = [(6, 374), (34, 394), (62, 424)]
    return [
        midline("breastbone", [(0, 243), (10, 241), (10, 255), (13, 298), (12, 350), (6, 374),
                               (0, 378)]),
        paired("upper-chest", [*COLLAR_BOTTOM[::-1], dp, b2, b1, b0]),
        paired("front-of-shoulder", [COLLAR_BOTTOM[0], COLLAR_TOP[-1], SHOULDER_TIP,
                                     ARM.pt(75, SHOULDER_SPLIT), ARM.pt(75, 0.3),
                                     ARM.pt(60, 0.3), dp]),
        paired("armpit", [b2, dp, *cut_edge(ARM, flat(60), 0.3, LO_OUT), side(346), ax]),
        paired("breast", [b0, b1, b2, ax, lru[2], lru[1], lru[0]]),
        paired("lower-ribs-front", [*lru, *lrl[::-1]]),
        paired("side-of-ribs", [ax, *sides(346, 370, 400, 426, 453.5), (58, 453.5), lrl[2],
                                lru[2]]),
    ]


def belly_front() -> list[Part]:
    srb = (58, 453.5)  # bottom of the side of the ribs
    sh0, sh1 = (70, 477.5), (78, 512)  # inner edge of the side of the hip
    fh, g1, g2, p1 = (58, 484.5), (50, 501), (62, 524.5), (30, 508.5)  # hip bone, groin, pubis
    lrl = [(6, 374), (34, 394), (62, 424)]
    genital_side = [(0, 578.5), (8, 574), (15, 559.5), (14, 540.5)]
    top = THIGH_TOP_FRONT
    return [
        paired("upper-abdomen", [(0, 378), *lrl, srb, NAVEL[0], *NAVEL[15:11:-1]]),
        midline("navel", [NAVEL[(12 + k) % 16] for k in range(9)]),
        paired("lower-abdomen", [NAVEL[0], srb, *sides(453.5, 464.5, 477.5), sh0, fh, g1, p1,
                                 (0, 508.5), *NAVEL[4:0:-1]]),
        midline("pubic", [(0, 508.5), p1, (34, 526), (14, 540.5), (0, 541.5)]),
        midline("genitals", [(0, 541.5), *genital_side[::-1]]),
        paired("groin", [p1, g1, g2, *cut_edge(LEG, top, 0.3, LO_OUT), *genital_side,
                         (34, 526)]),
        paired("front-of-hip", [g1, fh, sh0, sh1, *cut_edge(LEG, top, 0.72, 0.3), g2]),
        paired("side-of-hip", [sh0, *sides(477.5, 486, 512, 538), *cut_edge(LEG, top, HI_OUT, 0.72),
                               sh1]),
    ]


def back_upper() -> list[Part]:
    sr_top, a = (72, 334), SHOULDER_TIP
    border = [(40, 260), (44, 292), (47, 358)]  # medial border of the shoulder blade
    strip_in = [(28, 262), (31, 300), (35, 360)]  # inner edge of the strip along that border
    tip = [(60, 378), (52, 394), (46, 398), (40, 390)]  # round the lower tip, outside first
    return [
        paired("between-shoulder-blades", [(0, 248), (18, 246), (20, 258), *strip_in,
                                           (37.7, 376), (0, 376)]),
        paired("shoulder-blade-upper", [(40, 260), (58, 250), (78, 262), (100, 268), (104, 276),
                                        (76, 284), (44, 292)]),
        paired("shoulder-blade-inner-edge", [*border, *strip_in[::-1]]),
        paired("shoulder-blade", [border[1], (76, 284), (104, 276), (80, 306), sr_top,
                                  (64, 356), border[2]]),
        paired("shoulder-blade-tip", [border[2], (64, 356), *tip, strip_in[2]]),
        paired("back-of-shoulder", [(100, 268), a, ARM.pt(75, SHOULDER_SPLIT),
                                    *cut_edge(ARM, flat(75), SHOULDER_SPLIT, LO_OUT),
                                    *sides(352, 334), sr_top, (80, 306), (104, 276)]),
        paired("side-of-ribs", [sr_top, *sides(334, 340, 370, 400, 426, 439.5), (60, 439.5),
                                (64, 400), (64, 356)]),
        paired("mid-back", [(0, 376), (37.7, 376), *tip[::-1], (64, 356), (64, 400), (60, 439.5),
                            (44, 439.5), (0, 439.5)]),
    ]


def back_lower() -> list[Part]:
    fold, tb = GLUTEAL_FOLD, (8, 540.5)  # tb: where upper and lower buttock meet the tailbone
    return [
        paired("flank", [(44, 439.5), (60, 439.5), *sides(439.5, 445, 464.5, 479.5), (72, 479.5),
                         (52, 479.5)]),
        paired("low-back", [(0, 439.5), (44, 439.5), (52, 479.5), (36, 490.5), (14, 493),
                            (0, 491.5)]),
        midline("sacrum", [(0, 491.5), (14, 493), (13, 517), (7, 531), (0, 534.5)]),
        paired("sacroiliac", [(14, 493), (36, 490.5), (40, 507), (28, 519), (13, 517)]),
        midline("tailbone", [(0, 534.5), (7, 531), (9, 550), (0, 557)]),
        midline("perineum", [(0, 557), (9, 550), (10, 565.5), (6, 576), (0, 583.5)]),
        paired("buttock-upper", [(36, 490.5), (52, 479.5), (72, 479.5), (80, 512), (82, 534.5), tb,
                                 (7, 531), (13, 517), (28, 519), (40, 507)]),
        paired("side-of-hip", [(72, 479.5), *sides(479.5, 486, 512, 538),
                               *cut_edge(LEG, fold, HI_OUT, 0.75), (82, 534.5), (80, 512)]),
        paired("buttock-lower", [tb, (82, 534.5), *cut_edge(LEG, fold, 0.75, LO_OUT), (0, 583.5),
                                 (6, 576), (10, 565.5), (9, 550)]),
    ]


# fmt: on
# ---- Regions: limbs ----------------------------------------------------------------------------


def parts(pairs: Iterable[tuple[str, Ring]]) -> list[Part]:
    return [paired(name, ring) for name, ring in pairs]


def arm_front() -> list[Part]:
    upper = [
        ("upper-arm-inner", strip(ARM, LO_OUT, 0.3, flat(60), flat(140))),
        ("upper-arm-front", strip(ARM, 0.3, SHOULDER_SPLIT, flat(75), flat(140))),
        ("upper-arm-outer", strip(ARM, SHOULDER_SPLIT, HI_OUT, flat(75), flat(140))),
    ]
    elbow = ["inner-elbow", "elbow-crease", "outer-elbow"]
    forearm = ["forearm-little-finger-side", "forearm-front", "forearm-thumb-side"]
    wrist = ["wrist-little-finger-side", "wrist-front", "wrist-thumb-side"]
    return parts(upper + _lower_arm(elbow, forearm, wrist) + hand_regions("front"))


def arm_back() -> list[Part]:
    upper = [
        ("upper-arm-back", strip(ARM, LO_OUT, SHOULDER_SPLIT, flat(75), flat(140))),
        ("upper-arm-outer", strip(ARM, SHOULDER_SPLIT, HI_OUT, flat(75), flat(140))),
    ]
    elbow = ["inner-elbow", "elbow-tip", "outer-elbow"]
    forearm = ["forearm-little-finger-side", "forearm-back", "forearm-thumb-side"]
    wrist = ["wrist-little-finger-side", "wrist-back", "wrist-thumb-side"]
    return parts(upper + _lower_arm(elbow, forearm, wrist) + hand_regions("back"))


def _lower_arm(elbow: list[str], forearm: list[str], wrist: list[str]) -> list[tuple[str, Ring]]:
    """Elbow, forearm and wrist bands: little-finger side inside, thumb side outside."""
    splits = [0.3, 0.7]
    return (
        band(ARM, flat(140), flat(174), elbow, splits)
        + band(ARM, flat(174), flat(286), forearm, splits)
        + band(ARM, flat(286), flat(WRIST_P + 5), wrist, splits)
    )


KNEECAP = ellipse(*LEG.pt(745, 0.52), 11.5, 15)


def leg_front() -> list[Part]:
    knee = band(
        LEG, flat(705), flat(787), ["inner-knee", "front-of-knee", "outer-knee"], [0.28, 0.76]
    )
    knee_parts = [
        paired(n, r, KNEECAP[::-1]) if n == "front-of-knee" else paired(n, r) for n, r in knee
    ]
    return (
        parts(
            band(
                LEG,
                THIGH_TOP_FRONT,
                flat(705),
                ["thigh-inner", "thigh-front", "thigh-outer"],
                [0.3, 0.72],
            )
        )
        + knee_parts
        + [paired("kneecap", KNEECAP)]
        + parts(band(LEG, flat(787), flat(924), ["inner-leg", "shin", "outer-leg"], [0.3, 0.68]))
        + parts(
            band(
                LEG,
                flat(924),
                flat(967),
                ["inner-ankle", "front-of-ankle", "outer-ankle"],
                [0.3, 0.7],
            )
        )
        + foot_front()
    )


def leg_back() -> list[Part]:
    return (
        parts(
            band(
                LEG,
                GLUTEAL_FOLD,
                flat(705),
                ["thigh-inner", "thigh-back", "thigh-outer"],
                [0.25, 0.75],
            )
            + band(
                LEG,
                flat(705),
                flat(787),
                ["inner-knee", "back-of-knee", "outer-knee"],
                [0.28, 0.74],
            )
            + band(LEG, flat(787), flat(912), ["inner-leg", "calf", "outer-leg"], [0.25, 0.75])
            + band(
                LEG, flat(912), flat(960), ["inner-ankle", "achilles", "outer-ankle"], [0.3, 0.7]
            )
        )
        + foot_back()
    )


# fmt: off
def foot_front() -> list[Part]:
    toe_line = [(14, 1009), (40, 1013), (72, 1004)]  # the knuckles of the toes
    return [
        paired("top-of-foot", [*cut_edge(LEG, flat(967), LO_OUT, HI_OUT), (86, 975), (86, 1004),
                               *toe_line[::-1], (8, 1000), (10, 971)]),
        paired("big-toe", [toe_line[0], toe_line[1], (40, 1055), (10, 1055)]),
        paired("other-toes", [toe_line[1], toe_line[2], (86, 1004), (86, 1055), (40, 1055)]),
    ]


def foot_back() -> list[Part]:
    heel_line = [(10, 994), (25, 997), (42, 999), (58, 997), (74, 994)]  # front of the heel pad
    ball_line = [(10, 1030), (24, 1033), (42, 1035), (60, 1033), (74, 1030)]  # behind the ball
    return [
        paired("heel", [*cut_edge(LEG, flat(960), LO_OUT, HI_OUT), (74, 967), *heel_line[::-1],
                        (10, 967)]),
        paired("sole", [*heel_line, *ball_line[::-1]]),
        paired("ball-of-foot", [*ball_line, (76, 1100), (12, 1100)]),
    ]


# fmt: on
def view_parts(view: str) -> list[Part]:
    """Every region of one view, in drawing order (small shapes after the ones they sit in)."""
    if view == "front":
        return (
            head_front() + neck_front() + chest_front() + belly_front() + arm_front() + leg_front()
        )
    return head_back() + neck_back() + back_upper() + back_lower() + arm_back() + leg_back()


# ---- Placing halves on the page --------------------------------------------------------------

SIDES = ("right", "left")


def side_sign(view: str, person_side: str) -> float:
    """+1 draws the half on the viewer's right, -1 on the viewer's left.

    On the front view we face the person, so their left is on our right; on the back view we
    stand behind them, so their left is on our left. Every left/right decision uses this.
    """
    on_viewer_right = (view == "front") == (person_side == "left")
    return 1.0 if on_viewer_right else -1.0


def to_page(view: str, sign: float, pts: Iterable[Pt]) -> Ring:
    x0 = VIEW_X0[view] + MID_X
    return [(x0 + sign * u, y) for u, y in pts]


@dataclass(frozen=True)
class Shape:
    view: str
    region: str  # atlas id, with -left / -right for paired regions
    title: str
    rings: tuple[Ring, ...]
    midline: bool = False


def place(view: str, atlas: dict[str, Region]) -> list[Shape]:
    shapes = []
    for part in view_parts(view):
        info = atlas[part.base]
        if part.midline:
            shapes.append(
                Shape(
                    view, part.base, info.lay, tuple(to_page(view, 1, r) for r in part.rings), True
                )
            )
            continue
        for person_side in SIDES:
            sign = side_sign(view, person_side)
            rings = tuple(to_page(view, sign, r) for r in part.rings)
            shapes.append(
                Shape(view, f"{part.base}-{person_side}", f"{info.lay} ({person_side})", rings)
            )
    return shapes


def check_coverage(shapes: Sequence[Shape], regions: Sequence[Region]) -> None:
    """Exactly one shape per region and view, as the atlas lists; fail loudly otherwise."""
    want = set()
    for r in regions:
        names = [f"{r.base}-{s}" for s in SIDES] if r.paired else [r.base]
        want |= {(v, n) for v in r.views for n in names}
    have = [(s.view, s.region) for s in shapes]
    dupes = sorted({h for h in have if have.count(h) > 1})
    missing, extra = sorted(want - set(have)), sorted(set(have) - want)
    if dupes or missing or extra:
        raise SystemExit(f"atlas mismatch: dupes={dupes} missing={missing} extra={extra}")


# ---- Anchors: a point well inside what is visible of each region ------------------------------


class Silhouette:
    """The flattened outline of one view, with row spans for fast inside tests."""

    def __init__(self, rings: Sequence[Ring]) -> None:
        self.edges = edges(rings)
        self.rows: dict[int, list[float]] = {}
        ys = [y for ring in rings for _, y in ring]
        y_min, y_max = int(min(ys)), int(max(ys)) + 1
        for row in range(y_min, y_max + 1):
            self.rows[row] = self._crossings(row + 0.013)

    def _crossings(self, y: float) -> list[float]:
        xs = [
            x0 + (y - y0) * (x1 - x0) / (y1 - y0)
            for (x0, y0), (x1, y1) in self.edges
            if (y0 > y) != (y1 > y)
        ]
        return sorted(xs)

    def contains(self, p: Pt) -> bool:
        xs = self.rows.get(round(p[1]), [])
        return sum(1 for x in xs if x < p[0]) % 2 == 1

    def near(self, box: tuple[float, float, float, float], pad: float) -> list[tuple[Pt, Pt]]:
        x0, y0, x1, y1 = box
        return [
            (a, b)
            for a, b in self.edges
            if min(a[0], b[0]) < x1 + pad
            and max(a[0], b[0]) > x0 - pad
            and min(a[1], b[1]) < y1 + pad
            and max(a[1], b[1]) > y0 - pad
        ]


def anchor(shape: Shape, sil: Silhouette) -> Pt:
    """The visible point farthest from any border: a coarse grid search, then a finer one.

    Midline regions keep their anchor on the midline, so markers sit centred on them.
    """
    xs = [x for r in shape.rings for x, _ in r]
    ys = [y for r in shape.rings for _, y in r]
    box = (min(xs), min(ys), max(xs), max(ys))
    step = max(0.5, max(box[2] - box[0], box[3] - box[1]) / 28)
    borders = edges(shape.rings) + sil.near(box, 40)
    centre = (box[0] + box[2]) / 2

    def grid(lo: float, hi: float, step: float) -> list[float]:
        return [lo + (k + 0.5) * step for k in range(int((hi - lo) / step) + 1)]

    def columns(lo: float, hi: float, step: float) -> list[float]:
        return [centre] if shape.midline else grid(lo, hi, step)

    best = _search(shape, sil, borders, columns(box[0], box[2], step), grid(box[1], box[3], step))
    if best is None:
        raise SystemExit(f"{shape.view}--{shape.region}: nothing visible inside the outline")
    (bx, by), _ = best
    fine = step / 4
    refined = _search(
        shape, sil, borders, columns(bx - step, bx + step, fine), grid(by - step, by + step, fine)
    )
    return refined[0] if refined else best[0]


def _search(
    shape: Shape, sil: Silhouette, borders: list[tuple[Pt, Pt]], xs: list[float], ys: list[float]
) -> tuple[Pt, float] | None:
    best: tuple[Pt, float] | None = None
    for p in itertools.product(xs, ys):
        if not (inside(p, shape.rings) and sil.contains(p)):
            continue
        d = min(seg_dist(p, a, b) for a, b in borders)
        if best is None or d > best[1] + 1e-9:
            best = (p, d)
    return best


# ---- SVG -------------------------------------------------------------------------------------


def num(v: float) -> str:
    s = f"{v:.1f}"
    s = s[:-2] if s.endswith(".0") else s
    return "0" if s == "-0" else s


def ring_d(ring: Ring) -> str:
    # Whole units are plenty for region edges (the outline keeps tenths): it keeps the page
    # that inlines the drawing light.
    return "M" + " ".join(f"{round(x)},{round(y)}" for x, y in ring) + "Z"


def curve_d(curves: Sequence[Bezier]) -> str:
    parts = [f"M{num(curves[0][0][0])},{num(curves[0][0][1])}"]
    for _, c1, c2, p in curves:
        parts.append("C" + " ".join(f"{num(x)},{num(y)}" for x, y in (c1, c2, p)))
    return "".join(parts) + "Z"


def region_xml(shape: Shape, sil: Silhouette) -> str:
    cx, cy = anchor(shape, sil)
    d = "".join(ring_d(r) for r in shape.rings)
    rule = ' fill-rule="evenodd"' if len(shape.rings) > 1 else ""
    return (
        f'<path class="kw-region" id="{shape.view}--{shape.region}" '
        f'data-region="{shape.region}" data-view="{shape.view}" data-cx="{num(cx)}" '
        f'data-cy="{num(cy)}"{rule} d="{d}">'
        f"<title>{escape(shape.title)}</title></path>"
    )


def details_xml(view: str) -> list[str]:
    """Decorative lines that help the eye but take no taps (the style turns pointer events off)."""
    if view != "front":
        return []
    segs = [to_page(view, sign, seg) for sign in (1.0, -1.0) for seg in TOE_GAPS]
    d = "".join(f"M{num(a[0])},{num(a[1])}L{num(b[0])},{num(b[1])}" for a, b in segs)
    return [f'<path class="kw-detail" aria-hidden="true" d="{d}"/>']


def labels_xml(view: str) -> list[str]:
    """Heading plus whose side is which; the sides come from side_sign, never typed twice."""
    x0 = VIEW_X0[view]
    on_left = next(s for s in SIDES if side_sign(view, s) < 0)
    on_right = next(s for s in SIDES if side_sign(view, s) > 0)
    heading = "Front" if view == "front" else "Back"
    font = 'font-weight="700" font-size="15" letter-spacing="1.2"'
    return [
        f'<text class="kw-label" x="{num(x0 + MID_X)}" y="36" text-anchor="middle" '
        f'font-size="24" font-weight="600">{heading}</text>',
        f'<text class="kw-label" x="{num(x0 + 12)}" y="36" {font}>YOUR {on_left.upper()}</text>',
        f'<text class="kw-label" x="{num(x0 + VIEW_W - 12)}" y="36" text-anchor="end" '
        f"{font}>YOUR {on_right.upper()}</text>",
    ]


def _to_page_bezier(view: str, curve: Bezier) -> Bezier:
    p0, c1, c2, p1 = to_page(view, 1, curve)
    return (p0, c1, c2, p1)


def view_xml(view: str, shapes: Sequence[Shape]) -> str:
    paths = [
        [
            _to_page_bezier(view, c)
            for c in beziers([(n.u, n.y) for n in nodes], [n.corner for n in nodes])
        ]
        for nodes in outline_paths(view)
    ]
    sil = Silhouette([flatten(p) for p in paths])
    x0 = VIEW_X0[view]
    body = [
        f'<g id="view-{view}" data-view="{view}" data-viewbox="{num(x0)} 0 {num(VIEW_W)} '
        f'{num(PAGE_H)}">',
        f'<path id="kw-outline-{view}" class="kw-outline" aria-hidden="true" '
        f'd="{"".join(curve_d(p) for p in paths)}"/>',
        f'<clipPath id="kw-clip-{view}"><use href="#kw-outline-{view}"/></clipPath>',
        # One clip for all of a view's regions: their outer edges follow the smooth outline.
        f'<g class="kw-regions" clip-path="url(#kw-clip-{view})">',
        *(region_xml(s, sil) for s in shapes if s.view == view),
        "</g>",
        *details_xml(view),
        *labels_xml(view),
        "</g>",
    ]
    return "\n".join(body)


def build() -> str:
    regions = read_atlas()
    atlas = {r.base: r for r in regions}
    shapes = [s for view in VIEW_X0 for s in place(view, atlas)]
    check_coverage(shapes, regions)
    width = 2 * VIEW_W + VIEW_GAP
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(PAGE_H)}" '
        'role="group" aria-label="Body map, front and back">\n'
        "<!-- Knotwork body map. Generated by tools/draw_bodymap.py: do not edit by hand. "
        "Knotwork contributors, CC BY 4.0. -->\n"
        f"<style>{STYLE}</style>\n"
    )
    return head + "\n".join(view_xml(v, shapes) for v in VIEW_X0) + "\n</svg>\n"


def main() -> None:
    svg = build()
    OUT.write_text(svg, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(svg.encode())} bytes)")


if __name__ == "__main__":
    main()
