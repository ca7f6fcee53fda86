"""The data behind each page (its JSON twin is exactly this data), from the core."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from starlette.datastructures import QueryParams

from knotwork.adapters.web.forms import MAX_LIMIT, PAGE_LIMIT, grouped_answers, query_from_params
from knotwork.adapters.web.respond import same_site_path
from knotwork.core.atlas.render import render_map
from knotwork.core.finder.engine import (
    Evidence,
    find,
    gather_or_flag,
    noted_cautions,
    said,
    screened_places,
    screening,
    words_only,
)
from knotwork.core.finder.index import FinderIndex
from knotwork.core.finder.query import Query
from knotwork.core.finder.report import heard_by_safety, understood_block
from knotwork.core.kb.base import KnowledgeBase
from knotwork.core.kb.maps import map_views
from knotwork.core.kb.model import Muscle
from knotwork.core.kb.present import AREA_NAMES, EVIDENCE_TEXT, muscle_dict, muscle_summary
from knotwork.core.safety.cautions import (
    Personal,
    check_personal,
    parse_personal,
)
from knotwork.core.safety.screen import screen

COMMON_SYMPTOMS = (
    "headache",
    "dizziness",
    "tinnitus",
    "numbness",
    "tingling",
    "stiffness",
    "restricted-movement",
    "weakness",
    "tearing-eye",
    "jaw-clicking",
    "morning-pain",
    "sleep-disturbance",
)
COMMON_CONTEXTS = (
    "desk-work",
    "phone-use",
    "driving",
    "running",
    "lifting",
    "carrying",
    "sleep-position",
    "stress",
    "jaw-clenching",
    "after-surgery",
    "injury",
    "new-exercise",
)
CARRIED = (
    "region",
    "main",
    "text",
    "symptom",
    "context",
    "answer",
    "stem",
    "press",
    "rule_out",
    "caution",
    "limit",
)
INTRO = (
    "Pain is often felt away from where it starts: a tight spot in one muscle can send "
    "pain to a distant place. Mark where it hurts or say it in your own words, and "
    "Knotwork shows which muscles commonly refer pain there, why, and how to check them, "
    "after a few questions about warning signs that need a doctor."
)
NOTICE = (
    "Knotwork informs; it does not diagnose. If your pain is severe, sudden, getting "
    "worse or unexplained, see a doctor. In an emergency call your local emergency "
    "number."
)


def home(kb: KnowledgeBase) -> dict[str, Any]:
    return {
        "intro": INTRO,
        "notice": NOTICE,
        "start": "/find",
        "muscles": len(kb),
        "regions": len(kb.atlas),
    }


def carried(params: QueryParams, drop: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The flow's state as (name, value) pairs, for hidden fields and links."""
    pairs = []
    for key, value in params.multi_items():
        if key.startswith("a_") and "answer" not in drop:
            key, value = "answer", f"{key[2:]}:{value}"  # normalise the form's radio groups
        if key in CARRIED and key not in drop and not (key == "stem" and "answer" in drop):
            pairs.append((key, value))
    if "answer" not in drop:
        # The grouped form's ticks go on as plain answers (forms.grouped_answers).
        pairs += [
            ("answer", f"{f}:{'yes' if v else 'no'}") for f, v in grouped_answers(params).items()
        ]
    return pairs


def link(path: str, pairs: list[tuple[str, str]]) -> str:
    return f"{path}?{urlencode(pairs)}" if pairs else path


def find_form(kb: KnowledgeBase, params: QueryParams) -> dict[str, Any]:
    chosen = {r.split(":")[0]: r for r in params.getlist("region")}
    groups = []
    for group, label in kb.atlas.groups.items():
        regions = [
            {
                "id": r.id,
                "label": r.label,
                "checked": r.id in chosen,
                "value": chosen.get(r.id, r.id),
            }
            for r in kb.atlas.in_group(group)
        ]
        groups.append(
            {
                "id": group,
                "label": label,
                "regions": regions,
                "open": any(r["checked"] for r in regions),
            }
        )
    picked_symptoms = set(params.getlist("symptom"))
    picked_contexts = set(params.getlist("context"))
    return {
        "text": params.get("text", ""),
        "groups": groups,
        "symptoms": [
            {"id": s, "label": kb.symptoms[s].label, "checked": s in picked_symptoms}
            for s in COMMON_SYMPTOMS
            if s in kb.symptoms
        ],
        "contexts": [
            {"id": c, "label": kb.contexts[c].label, "checked": c in picked_contexts}
            for c in COMMON_CONTEXTS
            if c in kb.contexts
        ],
        "selected": list(chosen.values()),
        "main": params.get("main", ""),
        # What the form has no field for but the person chose later in the flow (cautions,
        # muscles ruled out) goes round again rather than being lost on "Change".
        "keep": carried(
            params, drop=("region", "text", "symptom", "context", "main", "answer", "press")
        ),
    }


# Words that say the pain is everywhere: the finder works place by place, and pain all over
# is for a doctor to look at.
ALL_OVER = ("all over", "everywhere", "whole body", "every part", "every muscle")


def not_understood(index: FinderIndex, params: QueryParams) -> dict[str, Any]:
    """What the Find page says when the words named no place: what was understood, and what
    would help (a place named, or marked on the map)."""
    from knotwork.core.finder.engine import EXAMPLES

    text = params.get("text", "").strip()
    ev = words_only(index, query_from_params(index.kb, params)) if text else None
    heard = []
    if ev is not None:
        u = ev.understood
        heard = [t.label.lower() for t in (*u.symptoms, *u.contexts)]
    return {
        "said": bool(text),
        "heard": heard,
        "all_over": any(words in text.lower() for words in ALL_OVER),
        "examples": list(EXAMPLES),
    }


def find_map(kb: KnowledgeBase, params: QueryParams) -> str:
    chosen = [r.split(":")[0] for r in params.getlist("region") if r.split(":")[0] in kb.atlas]
    return render_map(
        kb.atlas,
        selected=chosen,
        standalone=False,
        interactive=True,
        title="Body map: select where it hurts",
    )


def check(index: FinderIndex, params: QueryParams) -> dict[str, Any]:
    kb = index.kb
    query = query_from_params(kb, params)
    # Words that raise a red flag are answered with the flag even when no place was understood.
    ev = gather_or_flag(index, query) or words_only(index, query)
    text = said(query, ev)
    result = screen(kb.safety, kb.atlas, screened_places(ev), text, query.answers)
    noted = noted_cautions(kb, ev, text)
    heard = heard_by_safety(result, noted)
    return {
        "understood": understood_block(index, ev, heard),
        "safety": result.as_dict(),
        "questions": [
            {
                "id": f.id,
                "question": f.question,
                "urgency": f.urgency,
                "answer": _answer(query.answers, f.id),
            }
            for f in result.asked
        ],
        "asking": result.questions(params.getlist("tick"), params.getlist("stem")),
        "cautions": _caution_choices(kb, ev, query, noted.personal),
        "carry": carried(params, drop=("answer", "caution")),
        "gate": _gate(result.level, result.complete),
        "edit": link("/find", carried(params, drop=("answer", "press"))),
    }


def _bases(kb: KnowledgeBase, ev: Evidence) -> list[str]:
    """The marked places as base ids (the sites of site-bound cautions)."""
    return list(dict.fromkeys(map(kb.atlas.base_of, ev.marks)))


def _caution_choices(
    kb: KnowledgeBase, ev: Evidence, query: Query, said: Personal
) -> list[dict[str, Any]]:
    """The personal cautions a person can tick before their results. One that applies at a
    site ("surgery in the painful area") takes the places they marked. One already said in
    their words counts anyway: it shows ticked, with the sites read with it, and cannot be
    unticked here."""
    painful = ",".join(_bases(kb, ev))
    said_ids = said.factors
    return [
        {
            "id": f.id,
            "value": _caution_value(
                f.id, f.needs_site, query.cautions.get(f.id) or said_ids.get(f.id), painful
            ),
            "label": f.label,
            "checked": f.id in query.cautions or f.id in said_ids,
            "said": f.id in said_ids,
        }
        for f in kb.safety.factors.values()
    ]


def _caution_value(
    factor: str, needs_site: bool, chosen: tuple[str, ...] | None, painful: str
) -> str:
    """The box's value: a site-bound caution keeps the sites already chosen for it, else
    takes the marked places."""
    if not needs_site:
        return factor
    return f"{factor}:{','.join(chosen) if chosen else painful}"


def _answer(answers: Mapping[str, bool], flag: str) -> str | None:
    return None if flag not in answers else ("yes" if answers[flag] else "no")


def _gate(level: str, complete: bool) -> str:
    if level in ("emergency", "urgent"):
        return "stop"
    if level == "soon":
        return "education"
    return "ok" if complete else "incomplete"


def results(index: FinderIndex, params: QueryParams) -> dict[str, Any]:
    kb = index.kb
    query = query_from_params(kb, params)
    doc = find(index, query)
    safety = doc["safety"]
    gate = _gate(safety["level"], safety["screening_complete"])
    base = carried(params, drop=("press",))
    # The muscle pages get the places, words, answers and cautions: their screen then holds
    # there too (a flag raised by the words, questions not yet answered).
    to_muscle = carried(params, ("symptom", "context", "press", "rule_out"))
    # Cautions said in the words go with the person to each muscle page (its techniques are
    # filtered by them), unless they already chose that caution there themselves.
    chosen = {value.partition(":")[0] for key, value in to_muscle if key == "caution"}
    to_muscle += [
        ("caution", c["as_caution"]) for c in doc["understood"]["cautions"] if c["id"] not in chosen
    ]
    here = link("/results", carried(params))
    marks = [r["id"] for r in doc["understood"]["regions"]]
    for c in doc["candidates"]:
        muscle_id = c["muscle"]["id"]
        c["maps"] = referral_maps(kb, kb.muscles[muscle_id], c["side"], marks)
        c["fit"] = fit_words(c["score"])
        c["fits_said"] = said_labels(kb, c["explanation"])
        # The muscle page keeps the way back to this list, at this muscle.
        back = ("from", f"{here}#c-{muscle_id}")
        c["links"] = {
            "page": link(f"/muscles/{muscle_id}", [*to_muscle, back]),
            **{
                answer: link("/results", _with_press(base, params, muscle_id, answer))
                for answer in ("yes", "no", "unsure")
            },
        }
    # "Start a session" for the muscles the press test confirmed (the session screens too).
    confirmed = [
        ("muscle", c["muscle"]["id"])
        for c in doc["candidates"]
        if c["explanation"].get("press_answer") == "yes"
    ]
    return {
        **doc,
        "gate": gate,
        "session": link("/session", [*to_muscle, *confirmed]) if confirmed else None,
        "check": link("/check", carried(params)),
        "edit": link("/find", carried(params, drop=("answer", "press"))),
        "more": _more(params, len(doc["candidates"]), doc["model"]["candidates_considered"]),
        # "Save to my diary" posts the same inputs; the finder runs again and saves what it shows.
        "save": carried(params, drop=("limit",)),
    }


MAP_WIDTH = 300  # the width attribute of a referral map; CSS makes it the column's width
# A zoomed view has no room for the drawing's own labels: its caption says which it is.
VIEW_CAPTIONS = {
    "front": "Front view: your right side is on the left",
    "back": "Back view: your right side is on the right",
}


def referral_maps(
    kb: KnowledgeBase, m: Muscle, side: str, marks: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """A muscle's referral map as one picture per view it needs, each with its width and
    height (so the page keeps its place while it loads) and its address (opened alone, it
    is the map full size)."""
    pairs = [("side", side), *(("mark", r) for r in marks)]
    out = []
    for view, (x0, y0, x1, y1) in map_views(kb, m, side, marks):
        out.append(
            {
                "view": view,
                "name": f"{view.capitalize()} view",
                "label": VIEW_CAPTIONS[view],
                "src": link(f"/maps/{m.id}.svg", [*pairs, ("view", view)]),
                "width": MAP_WIDTH,
                "height": round(MAP_WIDTH * (y1 - y0) / (x1 - x0)),
            }
        )
    return out


# A candidate's share of the evidence, in words: the share itself means little to a lay
# reader ("77% of the evidence"), and it is no probability of a diagnosis.
FIT_WORDS = (
    (0.5, "Strong fit: most of what you told us points to this muscle"),
    (0.2, "Good fit: a fair part of what you told us points here"),
    (0.05, "Some fit: a little of what you told us points here"),
    (0.0, "Weak fit: only a small part of what you told us points here"),
)


def fit_words(score: float) -> str:
    return next(words for floor, words in FIT_WORDS if score >= floor)


def said_labels(kb: KnowledgeBase, explanation: Mapping[str, Any]) -> list[str]:
    """The symptoms and what the person does that a muscle fits, by their labels (never the
    ids the finder keys them by)."""
    terms = [(kb.symptoms, s) for s in explanation.get("symptoms_matched", ())]
    terms += [(kb.contexts, c) for c in explanation.get("context_matched", ())]
    return [
        vocab[key].label.lower() if key in vocab else key.replace("-", " ") for vocab, key in terms
    ]


def _more(params: QueryParams, shown: int, considered: int) -> dict[str, Any] | None:
    """The link that lists more candidates (the muscle a person suspects may be sixth), or
    None when every muscle that explains a mark is already listed."""
    if shown >= considered or shown >= MAX_LIMIT:
        return None
    more = min(shown + PAGE_LIMIT, considered, MAX_LIMIT)
    pairs = [*carried(params, drop=("limit",)), ("limit", str(more))]
    return {"href": link("/results", pairs) + f"#rank-{shown + 1}", "count": more - shown}


def _with_press(
    base: list[tuple[str, str]], params: QueryParams, muscle: str, answer: str
) -> list[tuple[str, str]]:
    kept = [("press", p) for p in params.getlist("press") if p.split(":")[0] != muscle]
    return [*base, *kept, ("press", f"{muscle}:{answer}")]


def muscle_index(kb: KnowledgeBase, q: str) -> dict[str, Any]:
    q = q.strip()
    muscles = kb.search(q)
    areas = [
        {
            "id": area,
            "label": label,
            "muscles": [muscle_summary(m) for m in muscles if m.area == area],
        }
        for area, label in AREA_NAMES.items()
    ]
    return {"q": q, "count": len(muscles), "areas": [a for a in areas if a["muscles"]]}


def muscle_data(
    index: FinderIndex, kb: KnowledgeBase, m: Muscle, params: QueryParams
) -> dict[str, Any]:
    """One muscle for the person asking: filtered by their cautions (``caution=``, and those
    said in ``text``) and gated by their screen. Arriving from the finder's flow (``region``
    or ``text`` given), the screen covers those places and words, so a flag raised there holds
    here and techniques wait for unanswered questions; browsing (neither given), only the
    answers count. The page, its twin and the API all serve this (``kb`` is the full one,
    with techniques; ``index`` reads the words)."""
    query = query_from_params(kb, params)
    personal = check_personal(kb.safety, kb.atlas, Personal(query.cautions))
    level = "none"
    result = None
    if query.marks or query.text:
        places, text, ev = screening(index, query)
        result = screen(kb.safety, kb.atlas, places, text, query.answers)
        level = result.level if result.level != "none" or result.complete else "incomplete"
        noted = noted_cautions(kb, ev, text)
        personal = Personal({**noted.personal.factors, **personal.factors})
    elif query.answers:
        # Answers with no place: the questions for everyone apply, and wait for all of them.
        result = screen(kb.safety, kb.atlas, (), "", query.answers)
        level = result.level if result.level != "none" or result.complete else "incomplete"
    data = muscle_dict(kb, m, personal, level)
    # The flag's own instruction goes with the gate, as on the results page.
    data["safety"] = result.as_dict() if result else None
    return data


def muscle(index: FinderIndex, kb: KnowledgeBase, key: str, params: QueryParams) -> dict[str, Any]:
    m = kb.muscle(key)  # an unknown one is a 404 with suggestions (errors.py)
    data = muscle_data(index, kb, m, params)
    data["maps"] = referral_maps(kb, m, "right")
    personal = parse_personal(params.getlist("caution"))
    for tp in data["trigger_points"]:
        tp["referral_text"] = referral_text(kb, tp["referral"])
    # The form offers every caution without a site; one with a site can only be chosen where
    # the places are known (the safety questions), so it shows here only if it came along,
    # with its sites, and unticking it drops it.
    given = {v.partition(":")[0]: v for v in params.getlist("caution")}
    data["cautions_available"] = [
        {
            "id": f.id,
            "label": f.label,
            "needs_site": f.needs_site,
            "checked": f.id in personal.factors,
            "value": given.get(f.id) if f.needs_site else f.id,
        }
        for f in kb.safety.factors.values()
    ]
    back = way_back(params.get("from", ""))
    data["back"] = back
    came_from = [("from", back["href"])] if back else []
    data["carry"] = [*carried(params, drop=("caution",)), *came_from]
    # Links to other muscles keep the person's screen and cautions, and the way back.
    data["keep"] = urlencode([*carried(params), *came_from])
    data["find"] = link("/find", carried(params, drop=("answer", "press")))
    in_flow = bool(params.getlist("region") or params.get("text"))
    data["check"] = link("/check", carried(params)) if in_flow else data["find"]
    safety = data.get("safety")
    data["screened"] = bool(safety and safety["screening_complete"] and safety["level"] == "none")
    data["session"] = link("/session", [*carried(params), ("muscle", m.id)])
    return {"muscle": data}


# Where a muscle page may lead back to, and what the link says.
WAYS_BACK = (
    ("/results", "Back to your results"),
    ("/places/", "Back to the muscles for this place"),
)


def way_back(value: str) -> dict[str, str] | None:
    """The page a person came from (``from=``), as a link, if it is one of this site's
    results or place pages; anything else (another host, ``//host``, ``/\\host``, a
    scheme) is ignored, so the parameter cannot send anyone elsewhere."""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or any(c in value for c in "\\\t\r\n"):
        return None
    for prefix, text in WAYS_BACK:
        if parts.path.startswith(prefix) and not parts.path.startswith("//"):
            href = same_site_path(parts.path)
            href += f"?{parts.query}" if parts.query else ""
            href += f"#{quote(parts.fragment, safe='-_')}" if parts.fragment else ""
            return {"href": href, "text": text}
    return None


def referral_text(kb: KnowledgeBase, zones: list[dict[str, Any]]) -> str:
    def names(kind: str) -> list[str]:
        out = []
        for z in zones:
            if z["kind"] == kind:
                lay = kb.atlas.regions[kb.atlas.bases[z["region"]][0]].lay.lower()
                side = {"opposite": " (other side)", "both": " (both sides)"}.get(z["side"], "")
                out.append(lay + side)
        return out

    usual, occasional = names("essential"), names("spillover")
    text = f"usually {', '.join(usual)}"
    return text + (f"; sometimes {', '.join(occasional)}" if occasional else "") + "."


def evidence(kb: KnowledgeBase) -> dict[str, Any]:
    from knotwork.core.datafile import read_yaml
    from knotwork.core.kb.present import reference_list
    from knotwork.core.paths import DATA_DIR

    content = read_yaml(DATA_DIR / "evidence.yaml")
    cited: list[str] = []
    for section in content["sections"]:
        cited.extend(c for c in section["citations"] if c not in cited)
    return {
        "title": content["title"],
        "sections": content["sections"],
        # Each grade by its name in words ("Low to moderate"), never its id.
        "grades": [
            {"grade": k, "name": v.partition(": ")[0], "text": v.partition(": ")[2]}
            for k, v in EVIDENCE_TEXT.items()
        ],
        "references": reference_list(kb, cited),
    }


# Browse by place: what carries from one place page to the next, or to a muscle page (the
# person's answers and cautions; nothing of the find flow's places or words).
PLACE_DROPS = ("region", "text", "symptom", "context", "main", "press", "rule_out", "limit")


def places_index(kb: KnowledgeBase, params: QueryParams) -> dict[str, Any]:
    """Every place, by group, each a link to the muscles that refer pain there."""
    keep = carried(params, drop=PLACE_DROPS)
    return {
        "groups": [
            {
                "id": group,
                "label": label,
                "regions": [
                    {"id": r.id, "label": r.label, "href": link(f"/places/{r.id}", keep)}
                    for r in kb.atlas.in_group(group)
                ],
            }
            for group, label in kb.atlas.groups.items()
        ],
        "count": len(kb.atlas),
    }


def places_map(kb: KnowledgeBase, params: QueryParams, chosen: tuple[str, ...] = ()) -> str:
    keep = urlencode(carried(params, drop=PLACE_DROPS))
    return render_map(
        kb.atlas,
        selected=[r for r in chosen if r in kb.atlas],
        standalone=False,
        link="/places/{region}" + (f"?{keep}" if keep else ""),
        title="Body map: choose a place",
    )


def place(
    index: FinderIndex, kb: KnowledgeBase, region: str, params: QueryParams
) -> dict[str, Any]:
    """The muscles that refer pain to one place (core: finder.places), with links to each
    muscle page and its map, and the safety questions for the place, whose answers (sent
    back here) let the press tests show."""
    from knotwork.core.finder.places import place_document

    query = query_from_params(kb, params)
    doc = place_document(index, region, query.answers, query.cautions)
    pid = doc["place"]["id"]
    keep = carried(params, drop=PLACE_DROPS)
    # A muscle page given the place screens it too, so a flag raised here holds there; a
    # place without a side ("temple") is no atlas region, so it goes without.
    to_muscle = [("region", pid), *keep] if pid in kb.atlas else keep
    here = link(f"/places/{pid}", carried(params, drop=PLACE_DROPS))
    for group in doc["groups"]:
        for m in group["muscles"]:
            side = m["side"]
            back = ("from", f"{here}#pm-{m['muscle']['id']}")
            m["links"] = {
                "page": link(f"/muscles/{m['muscle']['id']}", [*to_muscle, back]),
                "map": link(f"/maps/{m['muscle']['id']}.svg", [("side", side), ("mark", pid)]),
            }
    result = screen(kb.safety, kb.atlas, [pid], "", query.answers)
    base = kb.atlas.base_of(pid)
    return {
        **doc,
        "gate": _gate(result.level, result.complete),
        "asking": result.questions(params.getlist("tick"), params.getlist("stem")),
        "cautions": [
            {
                "id": f.id,
                "label": f.label,
                "value": _caution_value(f.id, f.needs_site, query.cautions.get(f.id), base),
                "checked": f.id in query.cautions,
            }
            for f in kb.safety.factors.values()
        ],
        "carry": carried(params, drop=(*PLACE_DROPS, "answer", "caution")),
        "review": link(f"/places/{pid}", carried(params, drop=(*PLACE_DROPS, "answer"))),
        "find": link("/find", [("region", f"{pid}:6"), *keep]) if pid in kb.atlas else "/find",
    }
