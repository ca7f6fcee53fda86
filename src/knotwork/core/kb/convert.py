"""Turn validated schema objects into the lightweight runtime model."""

from __future__ import annotations

from collections.abc import Sequence

from knotwork.core.kb import model as m
from knotwork.core.kb import schema as s


def span(value: s.Range | None) -> m.Span | None:
    return None if value is None else m.Span(value.min, value.max)


def muscle(f: s.MuscleFile, caution_texts: Sequence[str] = ()) -> m.Muscle:
    """The runtime muscle; ``caution_texts`` are its cautions' sentences (caution_text.py),
    in order."""
    texts = list(caution_texts) or [""] * len(f.cautions)
    return m.Muscle(
        id=f.id,
        name=f.name,
        aliases=tuple(f.aliases),
        misspellings=tuple(f.misspellings),
        area=f.area,
        part_of=f.part_of,
        description=f.description,
        prevalence=f.prevalence,
        trigger_points=tuple(trigger_point(tp) for tp in f.trigger_points),
        symptoms=tuple(m.Symptom(x.id, x.note) for x in f.symptoms),
        mistaken_for=tuple(m.Mimic(x.condition, x.note) for x in f.mistaken_for),
        activities=tuple(f.activities),
        perpetuating_factors=tuple(
            m.Factor(x.kind, x.factor, x.correction, tuple(x.activities))
            for x in f.perpetuating_factors
        ),
        related=tuple(m.Related(x.muscle, x.relation) for x in f.related),
        self_treatment=tuple(technique(t) for t in f.self_treatment),
        professional=tuple(
            m.ProfessionalOption(
                p.kind, p.description, tuple(p.risks), p.evidence, tuple(p.citations)
            )
            for p in f.professional
        ),
        cautions=tuple(caution(c, text) for c, text in zip(f.cautions, texts, strict=True)),
        source_notes=tuple(m.SourceNote(n.text, tuple(n.citations)) for n in f.source_notes),
        citations=tuple(f.citations),
    )


def caution(c: s.Caution, text: str) -> m.Caution:
    return m.Caution(
        zone=c.zone,
        factors=tuple(c.factors),
        action=c.action,
        text=text,
        sites=tuple(c.sites),
        techniques=tuple(c.techniques),
        postures=tuple(c.postures),
        kinds=tuple(c.kinds),
        tools=tuple(c.tools),
        max_pressure=c.max_pressure,
        note=c.note,
    )


def trigger_point(tp: s.TriggerPoint) -> m.TriggerPoint:
    loc = tp.location
    return m.TriggerPoint(
        number=tp.number,
        label=tp.label,
        location=m.Location(loc.lay, loc.anatomical, tuple(loc.site), loc.view),
        palpation=tp.palpation,
        referral=tuple(m.Zone(z.region, z.kind, z.side) for z in tp.referral),
        citations=tuple(tp.citations),
    )


def technique(t: s.Technique) -> m.Technique:
    d = t.dose
    dose = m.Dose(
        repetitions=m.Span(d.repetitions.min, d.repetitions.max),
        times_per_day=m.Span(d.times_per_day.min, d.times_per_day.max),
        hold_seconds=span(d.hold_seconds),
        strokes=span(d.strokes),
        minutes=span(d.minutes),
        pressure=span(d.pressure),
    )
    return m.Technique(
        id=t.id,
        kind=t.kind,
        name=t.name,
        tool=t.tool,
        position=t.position,
        postures=tuple(t.postures),
        applied_at=tuple(t.applied_at),
        steps=tuple(t.steps),
        dose=dose,
        stop_if=tuple(t.stop_if),
        evidence=t.evidence,
        citations=tuple(t.citations),
    )


def reference(r: s.Reference) -> m.Reference:
    return m.Reference(**r.model_dump())


def term(t: s.VocabTerm) -> m.Term:
    return m.Term(t.id, t.label, tuple(t.synonyms))


MODIFIERS = ("front", "back", "outside", "inside", "top", "bottom", "deep")


def body_words(
    words: s.BodyWords, paths: s.Paths, everyday: s.EverydayWords | None = None
) -> m.BodyWords:
    parts = []
    for part in words.parts:
        regions = {"default": tuple(part.default)}
        for name in MODIFIERS:
            value = getattr(part, name)
            if value:
                regions[name] = tuple(value)
        parts.append(m.BodyPart(part.id, tuple(part.words), regions))
    return m.BodyWords(
        modifiers={k: tuple(v) for k, v in words.modifiers.items()},
        parts=tuple(parts),
        implied=tuple(m.Implied(tuple(i.words), tuple(i.regions), i.side) for i in words.implied),
        paths={p.id: tuple(p.regions) for p in paths.paths},
        not_places=tuple(words.not_places),
        movement_words=tuple(words.movement_words),
        history_words=frozenset(words.history_words),
        everyday_words=frozenset(everyday.words if everyday else ()),
    )
