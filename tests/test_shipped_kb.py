"""The real, shipped knowledge: every rule passes, files are canonical, the coverage the
knowledge-base issue asks for is there, and the classic referral surprises are encoded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from knotwork.core.kb import load_kb
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.canonical import format_file
from knotwork.core.kb.export import json_schemas
from knotwork.core.kb.load import check_sources, read_sources
from knotwork.core.paths import DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = [
    "upper-trapezius",
    "middle-trapezius",
    "lower-trapezius",
    "sternocleidomastoid-sternal",
    "sternocleidomastoid-clavicular",
    "splenius-capitis",
    "splenius-cervicis",
    "suboccipitals",
    "semispinalis-capitis",
    "cervical-multifidi",
    "levator-scapulae",
    "anterior-scalene",
    "middle-scalene",
    "posterior-scalene",
    "temporalis",
    "masseter",
    "lateral-pterygoid",
    "medial-pterygoid",
    "digastric",
    "occipitofrontalis",
    "platysma",
    "orbicularis-oculi",
    "zygomaticus-major",
    "supraspinatus",
    "infraspinatus",
    "teres-minor",
    "teres-major",
    "subscapularis",
    "latissimus-dorsi",
    "rhomboids",
    "serratus-posterior-superior",
    "serratus-anterior",
    "anterior-deltoid",
    "middle-deltoid",
    "posterior-deltoid",
    "pectoralis-major",
    "pectoralis-minor",
    "subclavius",
    "coracobrachialis",
    "biceps-brachii",
    "brachialis",
    "triceps-brachii",
    "anconeus",
    "brachioradialis",
    "extensor-carpi-radialis-longus",
    "extensor-carpi-radialis-brevis",
    "extensor-carpi-ulnaris",
    "extensor-digitorum",
    "extensor-indicis",
    "supinator",
    "palmaris-longus",
    "flexor-carpi-radialis",
    "flexor-carpi-ulnaris",
    "finger-flexors",
    "pronator-teres",
    "adductor-pollicis",
    "opponens-pollicis",
    "hand-interossei",
    "abductor-digiti-minimi-hand",
    "thoracic-iliocostalis",
    "lumbar-iliocostalis",
    "longissimus",
    "deep-paraspinals",
    "quadratus-lumborum",
    "rectus-abdominis",
    "abdominal-obliques",
    "serratus-posterior-inferior",
    "sternalis",
    "intercostals",
    "diaphragm",
    "iliopsoas",
    "gluteus-maximus",
    "gluteus-medius",
    "gluteus-minimus",
    "piriformis",
    "short-lateral-rotators",
    "tensor-fasciae-latae",
    "levator-ani",
    "coccygeus",
    "obturator-internus",
    "rectus-femoris",
    "vastus-medialis",
    "vastus-lateralis",
    "vastus-intermedius",
    "sartorius",
    "pectineus",
    "adductor-longus-brevis",
    "adductor-magnus",
    "gracilis",
    "biceps-femoris",
    "semitendinosus-semimembranosus",
    "popliteus",
    "gastrocnemius",
    "soleus",
    "plantaris",
    "tibialis-anterior",
    "tibialis-posterior",
    "peroneus-longus-brevis",
    "peroneus-tertius",
    "extensor-digitorum-longus",
    "extensor-hallucis-longus",
    "flexor-digitorum-longus",
    "flexor-hallucis-longus",
    "extensor-digitorum-brevis",
    "abductor-hallucis",
    "flexor-digitorum-brevis",
    "abductor-digiti-minimi-foot",
    "quadratus-plantae",
    "foot-interossei",
    "adductor-hallucis",
    "flexor-hallucis-brevis",
    "flexor-digiti-minimi-brevis-foot",
    "buccinator",
    "levator-labii-superioris",
    "mylohyoid",
    "longus-colli",
    "flexor-pollicis-longus",
    "pronator-quadratus",
    "abductor-pollicis-longus",
    "abductor-pollicis-brevis",
    "superficial-perineal-muscles",
    "anal-sphincter",
]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def test_every_rule_passes_on_the_shipped_data() -> None:
    problems = check_sources(read_sources())
    assert [str(p) for p in problems] == []


def test_every_muscle_file_is_canonical() -> None:
    """If this fails, run `knotwork kb fmt`."""
    bad = [
        p.name
        for p in sorted((DATA_DIR / "muscles").glob("*.yaml"))
        if format_file(p.read_text(encoding="utf-8")) != p.read_text(encoding="utf-8")
    ]
    assert bad == []


def test_the_committed_json_schema_is_current() -> None:
    """If this fails, run `knotwork kb schema --out schema`."""
    for name, schema in json_schemas().items():
        committed = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text("utf-8"))
        assert committed == schema, name


def test_every_muscle_the_issue_lists_is_there(kb: KnowledgeBase) -> None:
    assert [m for m in REQUIRED if m not in kb.muscles] == []
    assert len(REQUIRED) == 122


def test_every_muscle_and_technique_is_cited_and_dosed(kb: KnowledgeBase) -> None:
    for m in kb:
        assert m.citations, m.id
        assert m.trigger_points and m.self_treatment and m.professional, m.id
        for t in m.self_treatment:
            assert t.citations and t.stop_if, (m.id, t.id)
            assert t.dose.times_per_day.max >= 1, (m.id, t.id)


@pytest.mark.parametrize(
    ("muscle", "region", "kind"),
    [
        ("infraspinatus", "front-of-shoulder", "essential"),
        ("gluteus-minimus", "outer-leg", None),
        ("gluteus-minimus", "thigh-back", None),
        ("soleus", "heel", "essential"),
        ("anterior-scalene", "thumb", None),
        ("sternocleidomastoid-sternal", "vertex", None),
        ("sternocleidomastoid-clavicular", "ear", None),
        ("upper-trapezius", "temple", "essential"),
        ("quadratus-lumborum", "buttock-lower", None),
    ],
)
def test_the_classic_surprises_are_encoded(
    kb: KnowledgeBase, muscle: str, region: str, kind: str | None
) -> None:
    assert region in kb.muscle(muscle).referral_regions(kind)  # type: ignore[arg-type]


def test_the_kb_commands_pass_on_the_shipped_data() -> None:
    for args in (["kb", "check"], ["kb", "fmt", "--check"]):
        result = subprocess.run(
            [sys.executable, "-m", "knotwork", *args], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
