// The session player: progressive enhancement of the checklist form on /session.
// It times each hold from the knowledge base's dose (or counts strokes), cues start, end and
// "switch sides" with tones made in the browser (Web Audio, no sound file), keeps the screen
// awake where the browser allows, announces each change to screen readers, and fills the
// same form fields the checklist has, then sends the form. Without it the checklist works.
//
// Timing: each hold has a deadline on performance.now(); the next tick is set for the next
// whole second or the deadline itself, whichever comes first, so a hold ends within a few
// milliseconds of its deadline instead of drifting by a polling interval.
const $ = (id) => document.getElementById(id);
const plan = JSON.parse($("plan-data").textContent);
const form = $("session-form");
const steps = plan.steps;
const REST_MS = 5000; // between holds on the same point
const SWITCH_MS = 5000; // the "switch sides" pause
const done = steps.map(() => ({ reps: 0, amount: 0, firm: null }));
let i = 0;
let rep = 0;
let phase = "pre"; // pre, switch, hold, rest, strokes, end
let deadline = 0;
let left = 0; // ms left when paused
let paused = false;
let timer = 0;
let strokes = 0;
let audio = null;
let lock = null;

function say(text) {
  $("p-live").textContent = text;
}

function tone(freqs, ms = 160) {
  try {
    audio = audio || new AudioContext();
    let at = audio.currentTime;
    for (const f of freqs) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = f;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + ms / 1000);
      osc.connect(gain).connect(audio.destination);
      osc.start(at);
      osc.stop(at + ms / 1000 + 0.02);
      at += ms / 1000 + 0.05;
    }
  } catch {
    // No audio: the announcements and the screen still say it.
  }
}

async function keepAwake() {
  try {
    if ("wakeLock" in navigator && document.visibilityState === "visible") {
      lock = await navigator.wakeLock.request("screen");
    }
  } catch {
    lock = null; // refused (battery saver, no permission): the tones still cue
  }
}

document.addEventListener("visibilitychange", () => {
  if (phase !== "pre" && phase !== "end" && !lock) keepAwake();
  if (document.visibilityState === "hidden") lock = null;
});

const clock = (ms) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};

function show(n) {
  const s = steps[n];
  $("p-progress").textContent = `Step ${n + 1} of ${steps.length}`;
  $("player-h").textContent = `${s.muscle_name}, point ${s.point}: ${s.label} (${s.side_label})`;
  $("p-map").src = s.map;
  $("p-map").alt = `Map: ${s.muscle_name.toLowerCase()} trigger point ${s.point} on the ${s.side_label}, with where it sends pain.`;
  $("p-where").textContent = s.lay;
  $("p-position").textContent = `${s.position} (tool: ${s.tool.replaceAll("-", " ")})`;
  const how = $("p-how");
  how.replaceChildren(...s.how.map((t) => Object.assign(document.createElement("li"), { textContent: t })));
  $("p-pressure").textContent = s.pressure_text;
  const firm = $("p-firm");
  firm.max = s.pressure ? s.pressure.max : 10;
  $("p-firm-max").textContent = firm.max;
  firm.value = Math.min(Number(firm.value), Number(firm.max));
  $("p-firm-out").textContent = firm.value;
  $("p-stroke").hidden = !!s.hold_seconds;
  $("p-back").disabled = n === 0;
}

function startStep(n, fromBack = false) {
  clearTimeout(timer);
  i = n;
  rep = 0;
  show(n);
  const s = steps[n];
  if (s.switch && !fromBack) {
    phase = "switch";
    $("p-switch").hidden = false;
    $("p-switch").textContent = `Switch sides: now the ${s.side_label}.`;
    tone([440, 660, 880]);
    say(`Switch sides: now the ${s.side_label}. Starting in ${SWITCH_MS / 1000} seconds.`);
    $("p-rep").textContent = "Get ready";
    run(SWITCH_MS);
    return;
  }
  $("p-switch").hidden = true;
  beginRep();
}

function beginRep() {
  const s = steps[i];
  const of = `${rep + 1} of ${s.repetitions}`;
  if (s.hold_seconds) {
    phase = "hold";
    $("p-rep").textContent = `Hold ${of}`;
    tone([660]);
    say(`Step ${i + 1}: ${s.muscle_name}, point ${s.point}, ${s.side_label}. Hold ${of}, ${s.hold_seconds} seconds.`);
    run(s.hold_seconds * 1000);
  } else {
    phase = "strokes";
    strokes = 0;
    tone([660]);
    $("p-rep").textContent = `Round ${of}: stroke 0 of ${s.strokes}`;
    $("p-count").textContent = `0/${s.strokes}`;
    say(`Step ${i + 1}: ${s.muscle_name}, point ${s.point}, ${s.side_label}. ${s.strokes} slow strokes, round ${of}.`);
  }
}

let runAt = 0;
let runWall = 0;

function run(ms) {
  runAt = performance.now();
  runWall = Date.now();
  deadline = runAt + ms;
  paused = false;
  tick();
}

function tick() {
  const now = performance.now();
  const remaining = deadline - now;
  if (remaining <= 0) {
    finishTimed(now - deadline);
    return;
  }
  $("p-count").textContent = clock(remaining);
  if (phase === "hold" && Math.abs(remaining - 10000) < 500 && steps[i].hold_seconds >= 20) say("10 seconds left.");
  timer = setTimeout(tick, Math.min(remaining, remaining % 1000 || 1000));
}

function finishTimed(late) {
  $("p-count").textContent = "0:00";
  if (phase === "switch") {
    $("p-switch").hidden = true;
    beginRep();
  } else if (phase === "hold") {
    // For bench/session_player.py: how late the hold ended, on the monotonic clock and
    // (a cross-check) on the wall clock; a hold resumed after a pause counts from the resume.
    const elapsed = performance.now() - runAt;
    const wall = Date.now() - runWall;
    document.dispatchEvent(new CustomEvent("knotwork:hold-end", { detail: { late, elapsed, wall } }));
    repDone(steps[i].hold_seconds);
  } else if (phase === "rest") {
    beginRep();
  }
}

function repDone(amount) {
  const s = steps[i];
  const d = done[i];
  d.reps = rep + 1;
  d.amount = amount;
  d.firm = Number($("p-firm").value);
  tone([880, 660]);
  if (rep + 1 < s.repetitions) {
    rep += 1;
    phase = "rest";
    $("p-rep").textContent = "Let go and rest";
    say(`Let go. Next hold in ${REST_MS / 1000} seconds.`);
    run(REST_MS);
  } else {
    next();
  }
}

function next() {
  if (i + 1 < steps.length) startStep(i + 1);
  else end("Done: every point. How is it now?");
}

function stroke() {
  if (phase !== "strokes" || paused) return;
  const s = steps[i];
  strokes += 1;
  $("p-count").textContent = `${strokes}/${s.strokes}`;
  $("p-rep").textContent = `Round ${rep + 1} of ${s.repetitions}: stroke ${strokes} of ${s.strokes}`;
  if (strokes >= s.strokes) repDone(s.strokes);
}

function pause() {
  if (phase === "pre" || phase === "end") return;
  if (!paused) {
    clearTimeout(timer);
    left = deadline - performance.now();
    paused = true;
    $("p-pause").textContent = "Resume";
    say("Paused.");
  } else {
    $("p-pause").textContent = "Pause";
    say("Resumed.");
    if (phase === "strokes") paused = false;
    else run(left);
  }
}

function heldSoFar() {
  // A hold stopped or skipped part-way counts for the seconds it lasted.
  if (phase !== "hold") return 0;
  const ms = paused ? left : deadline - performance.now();
  return Math.floor(steps[i].hold_seconds - ms / 1000);
}

function skip() {
  if (phase === "pre" || phase === "end") return;
  if (phase === "switch") {
    // Skipping the switch-sides pause starts the hold at once.
    clearTimeout(timer);
    $("p-switch").hidden = true;
    $("p-pause").textContent = "Pause";
    beginRep();
    return;
  }
  const held = heldSoFar();
  if (held >= 1 && !done[i].reps) Object.assign(done[i], { reps: 1, amount: held, firm: Number($("p-firm").value) });
  $("p-pause").textContent = "Pause";
  say("Skipped.");
  next();
}

function back() {
  if (phase === "pre" || phase === "end" || i === 0) return;
  $("p-pause").textContent = "Pause";
  say("Back one step.");
  startStep(i - 1, true);
}

function end(text) {
  clearTimeout(timer);
  phase = "end";
  $("p-step").hidden = true;
  $("p-end").hidden = false;
  $("p-end-text").textContent = text;
  $("player-h").textContent = "How is it now?";
  $("player-h").focus();
  tone([660, 880, 990]);
  say(text);
  if (lock) lock.release().catch(() => {});
  lock = null;
}

function fill(ended, reason) {
  const set = (name, value) => {
    const field = form.elements[name];
    if (field) field.value = value ?? "";
  };
  set("pain_before", $("player").querySelector("[name=p_pain_before]").value);
  set("pain_after", $("player").querySelector("[name=p_pain_after]").value);
  const romBefore = $("player").querySelector("[name=p_rom_before]");
  if (romBefore) {
    set("rom_before", romBefore.value);
    set("rom_after", $("player").querySelector("[name=p_rom_after]").value);
  }
  steps.forEach((s, n) => {
    const d = done[n];
    form.elements[`done_${s.key}`].checked = d.reps > 0;
    if (d.reps > 0) {
      set(`amount_${s.key}`, d.amount);
      set(`reps_${s.key}`, d.reps);
      set(`pressure_${s.key}`, d.firm);
    }
  });
  form.querySelector(`[name=ended][value=${ended}]`).checked = true;
  set("stop_reason", reason || "");
  form.requestSubmit();
}

function openStop() {
  if (phase === "pre" || phase === "end") return;
  if (!paused) pause();
  $("p-advice").hidden = true;
  $("p-stop-save").disabled = true;
  for (const r of document.getElementsByName("p_reason")) r.checked = false;
  $("p-stopdlg").showModal();
}

document.getElementsByName("p_reason").forEach((radio) =>
  radio.addEventListener("change", () => {
    const reason = plan.stop_reasons.find((r) => r.id === radio.value);
    const advice = $("p-advice");
    advice.replaceChildren(Object.assign(document.createElement("p"), { textContent: reason.advice }));
    if (reason.check) {
      const a = Object.assign(document.createElement("a"), { href: plan.check, textContent: "Answer the safety questions again" });
      advice.append(a);
    }
    advice.hidden = false;
    $("p-stop-save").disabled = false;
  }),
);

$("p-stop-save").addEventListener("click", () => {
  const reason = [...document.getElementsByName("p_reason")].find((r) => r.checked);
  const held = heldSoFar();
  if (held >= 1 && !done[i].reps) Object.assign(done[i], { reps: 1, amount: held, firm: Number($("p-firm").value) });
  $("p-stopdlg").close();
  fill("stopped", reason ? reason.value : "other");
});
$("p-stop-cancel").addEventListener("click", () => {
  $("p-stopdlg").close();
  if (paused) pause();
});
$("p-start").addEventListener("click", () => {
  $("p-pre").hidden = true;
  $("p-step").hidden = false;
  keepAwake();
  startStep(0);
  $("player-h").focus();
});
$("p-save").addEventListener("click", () => fill("completed", ""));
$("p-pause").addEventListener("click", pause);
$("p-skip").addEventListener("click", skip);
$("p-back").addEventListener("click", back);
$("p-stop").addEventListener("click", openStop);
$("p-stroke").addEventListener("click", stroke);
$("p-firm").addEventListener("input", () => ($("p-firm-out").textContent = $("p-firm").value));

document.addEventListener("keydown", (e) => {
  if (phase === "pre" || phase === "end" || $("p-stopdlg").open) return;
  const onControl = e.target.closest("button, input, select, textarea, a");
  if (e.key === " " && !onControl) {
    e.preventDefault();
    if (phase === "strokes" && !paused) stroke();
    else pause();
  } else if (e.key === "p" || e.key === "P") pause();
  else if (e.key === "ArrowRight" && !onControl) skip();
  else if (e.key === "ArrowLeft" && !onControl) back();
  else if (e.key === "Escape") {
    e.preventDefault();
    openStop();
  }
});

// The player takes over: the checklist's steps are its fields now.
form.hidden = true;
$("player").hidden = false;
