// Body map input: tap or press Enter/Space on a region to cycle mild -> moderate -> severe ->
// clear. The checkbox list is the source of truth (it is what the form submits, and it works
// without JavaScript); the map mirrors it both ways.
const LEVELS = [0, 3, 6, 9];
const WORDS = { 0: "cleared", 3: "mild pain", 6: "moderate pain", 9: "severe pain" };

const panel = document.getElementById("bodymap");
const svg = panel ? panel.querySelector("svg") : null;
const status = document.getElementById("map-status");
const boxes = new Map();
document.querySelectorAll('input[name="region"][data-region]').forEach((box) => {
  boxes.set(box.dataset.region, box);
});

function levelOf(id) {
  const box = boxes.get(id);
  if (!box || !box.checked) return 0;
  const level = Number(box.value.split(":")[1]);
  return LEVELS.includes(level) && level > 0 ? level : 6;
}

function paint(id) {
  const level = levelOf(id);
  svg.querySelectorAll(`[data-region="${id}"]`).forEach((shape) => {
    shape.classList.toggle("kw-selected", level > 0);
    if (level > 0) shape.setAttribute("data-level", String(level));
    else shape.removeAttribute("data-level");
    shape.setAttribute("aria-pressed", level > 0 ? "true" : "false");
    // The <title> is the accessible name; it also says the intensity chosen.
    const title = shape.querySelector("title");
    if (title) {
      const base = title.textContent.split(":")[0];
      title.textContent = level > 0 ? `${base}: ${WORDS[level]}` : base;
    }
  });
}

// "Which place bothers you most?": a choice among the places marked so far.
const mainSelect = document.getElementById("main-place");

function refreshMain() {
  if (!mainSelect) return;
  const keep = mainSelect.value || mainSelect.dataset.current || "";
  const checked = Array.from(boxes.values()).filter((box) => box.checked);
  mainSelect.closest(".main-area").hidden = checked.length < 2;
  mainSelect.length = 1;
  checked.forEach((box) => {
    const option = new Option(box.parentElement.textContent.trim(), box.dataset.region);
    option.selected = box.dataset.region === keep;
    mainSelect.add(option);
  });
}

function cycle(id) {
  const box = boxes.get(id);
  if (!box) return;
  const next = LEVELS[(LEVELS.indexOf(levelOf(id)) + 1) % LEVELS.length];
  box.checked = next > 0;
  box.value = next > 0 ? `${id}:${next}` : id;
  paint(id);
  refreshMain();
  const details = box.closest("details");
  if (details && next > 0) details.open = true;
  const label = box.parentElement.textContent.trim();
  status.textContent = `${label}: ${WORDS[next]}`;
}

function regionOf(target) {
  const shape = target.closest ? target.closest(".kw-region") : null;
  return shape ? shape.getAttribute("data-region") : null;
}

// One tab stop for the whole map; arrow keys move between regions (roving tabindex).
function setupKeyboard() {
  const shapes = Array.from(svg.querySelectorAll(".kw-region"));
  const start = shapes.find((s) => s.classList.contains("kw-selected")) || shapes[0];
  if (start) start.setAttribute("tabindex", "0");
  svg.addEventListener("keydown", (event) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    const jump = { Home: 0, End: shapes.length - 1 }[event.key];
    if (step === undefined && jump === undefined) return;
    const at = shapes.indexOf(event.target);
    if (at < 0) return;
    event.preventDefault();
    const next = jump !== undefined ? jump : (at + step + shapes.length) % shapes.length;
    shapes[at].setAttribute("tabindex", "-1");
    shapes[next].setAttribute("tabindex", "0");
    shapes[next].focus();
    const title = shapes[next].querySelector("title");
    if (title) status.textContent = title.textContent;
  });
}

if (svg) {
  setupKeyboard();
  svg.addEventListener("click", (event) => {
    const id = regionOf(event.target);
    if (id) cycle(id);
  });
  svg.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const id = regionOf(event.target);
    if (!id) return;
    event.preventDefault();
    cycle(id);
  });
  boxes.forEach((box, id) => {
    box.addEventListener("change", () => {
      if (!box.checked) box.value = id;
      paint(id);
      refreshMain();
    });
    if (box.checked) paint(id);
  });
  setupViews();
  refreshMain();
}

// On a small screen one view at a time is easier to tap: the tabs crop the drawing, and
// "Zoom to" enlarges one part of it, so even a tooth or a finger is a finger's width
// (24 px or more at 360 px: WCAG 2.2, 2.5.8).
function setupViews() {
  const tabs = document.querySelector(".view-tabs");
  if (!tabs) return;
  const full = svg.getAttribute("viewBox");
  const boxesOf = {};
  svg.querySelectorAll("g[data-view]").forEach((g) => {
    boxesOf[g.getAttribute("data-view")] = g.getAttribute("data-viewbox");
  });
  const zoom = document.getElementById("zoom-part");
  let view = "both";
  const apply = () => {
    const part = zoom && zoom.value ? zoom.selectedOptions[0] : null;
    if (part && (view === "both" || !part.dataset[view])) {
      view = part.dataset.front ? "front" : "back"; // a part is zoomed in one view
    }
    const box = part ? part.dataset[view] : null;
    svg.setAttribute("viewBox", box || (view === "both" ? full : boxesOf[view]));
    tabs.querySelectorAll("button").forEach((b) => {
      b.setAttribute("aria-pressed", b.dataset.view === view ? "true" : "false");
    });
  };
  const show = (button) => {
    view = button.dataset.view;
    if (zoom && view === "both") zoom.value = "";
    apply();
  };
  tabs.hidden = false;
  tabs.querySelectorAll("button").forEach((button) => {
    button.addEventListener("click", () => show(button));
  });
  if (zoom) {
    zoom.closest(".zoom-parts").hidden = false;
    zoom.addEventListener("change", () => {
      apply();
      const name = zoom.selectedOptions[0].textContent;
      status.textContent = zoom.value ? `Map zoomed to: ${name}` : "The whole body shown";
    });
    // A place reached with the arrow keys outside the zoomed part brings the whole view back.
    svg.addEventListener("focusin", (event) => {
      if (!zoom.value || !event.target.getBBox) return;
      const [x, y, w, h] = svg.getAttribute("viewBox").split(" ").map(Number);
      const b = event.target.getBBox();
      const inside = b.x < x + w && b.x + b.width > x && b.y < y + h && b.y + b.height > y;
      if (!inside) {
        zoom.value = "";
        apply();
      }
    });
  }
  // On a phone, one view at a time is large enough to tap most places.
  if (window.matchMedia("(max-width: 40rem)").matches) {
    show(tabs.querySelector('button[data-view="front"]'));
  }
}
