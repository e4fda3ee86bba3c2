// flashpoint dashboard: map, timeline, event list and evidence over the local API.
// Every piece of story text reaches the page through textContent / text nodes, never as markup (no innerHTML).
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
const QUAD_LABEL = {
  verbal_cooperation: "verbal cooperation", material_cooperation: "material cooperation",
  verbal_conflict: "verbal conflict", material_conflict: "material conflict",
};
const PAGE = 5000;  // the dashboard draws the newest PAGE events that match (/api/points' largest answer)
const W = 960, H = 480;

const state = { meta: null, numeric: {}, selected: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined) query.set(k, v);
  const url = path + (query.toString() ? "?" + query.toString() : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
  return body;
}

// ------------------------------------------------------------------------------------------------ map

const project = (lon, lat) => [(lon + 180) * W / 360, (90 - lat) * H / 180];

function ringPaths(ring) {
  // Unwrap longitudes so a ring crossing the antimeridian stays whole; draw copies shifted by 360 degrees.
  const pts = [];
  let prev = null;
  for (const [lon0, lat] of ring) {
    let lon = lon0;
    if (prev !== null) { while (lon - prev > 180) lon -= 360; while (lon - prev < -180) lon += 360; }
    pts.push([lon, lat]);
    prev = lon;
  }
  const shifts = [0];
  if (pts.some(p => p[0] > 180)) shifts.push(-360);
  if (pts.some(p => p[0] < -180)) shifts.push(360);
  return shifts.map(s => "M" + pts.map(([lon, lat]) => project(lon + s, lat).map(v => v.toFixed(1)).join(","))
    .join("L") + "Z");
}

function geometryPath(geometry) {
  if (!geometry) return "";
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  return polygons.flatMap(poly => poly.flatMap(ringPaths)).join("");
}

async function drawCountries() {
  const response = await fetch("/static/vendor/countries-110m.json");
  const world = await response.json();
  const features = topojson.feature(world, world.objects.countries).features;
  const group = document.getElementById("countries");
  for (const f of features) {
    if (f.id === "010") continue;  // Antarctica: a ring around the pole does not draw in this projection
    const path = svg("path", { d: geometryPath(f.geometry), "data-country": state.numeric[f.id] || "" });
    const title = svg("title", {});
    title.textContent = f.properties && f.properties.name ? f.properties.name : "";
    path.appendChild(title);
    path.addEventListener("click", () => {
      if (view.dragged) return;
      const code = path.getAttribute("data-country");
      const select = document.getElementById("f-country");
      if (!code || ![...select.options].some(o => o.value === code)) return;
      select.value = select.value === code ? "" : code;
      refresh();
    });
    group.appendChild(path);
  }
}

// Zoom (wheel) and pan (drag) by moving the SVG's viewBox; dots keep their size on screen; double-click resets.
const view = { x: 0, y: 0, zoom: 1, dragged: false };

function applyView() {
  const map = document.getElementById("map");
  map.setAttribute("viewBox", `${view.x} ${view.y} ${W / view.zoom} ${H / view.zoom}`);
  map.querySelectorAll("#events circle").forEach(c => c.setAttribute("r",
    (parseFloat(c.getAttribute("data-r")) / view.zoom).toFixed(2)));
  document.getElementById("countries").style.strokeWidth = (0.4 / view.zoom).toFixed(3);
}

function clampView() {
  view.zoom = Math.min(32, Math.max(1, view.zoom));
  view.x = Math.min(W - W / view.zoom, Math.max(0, view.x));
  view.y = Math.min(H - H / view.zoom, Math.max(0, view.y));
}

function enableZoom() {
  const map = document.getElementById("map");
  const toMap = ev => {
    const box = map.getBoundingClientRect();
    return [view.x + (ev.clientX - box.left) / box.width * W / view.zoom,
      view.y + (ev.clientY - box.top) / box.height * H / view.zoom];
  };
  map.addEventListener("wheel", ev => {
    ev.preventDefault();
    const [mx, my] = toMap(ev);
    const zoom = view.zoom * (ev.deltaY < 0 ? 1.25 : 0.8);
    const clamped = Math.min(32, Math.max(1, zoom));
    view.x = mx - (mx - view.x) * view.zoom / clamped;
    view.y = my - (my - view.y) * view.zoom / clamped;
    view.zoom = clamped;
    clampView();
    applyView();
  }, { passive: false });
  let drag = null;
  map.addEventListener("pointerdown", ev => { drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y }; });
  window.addEventListener("pointerup", () => {
    // a drag that moved the map is no click on the country or dot under the pointer
    if (drag && drag.moved) { view.dragged = true; setTimeout(() => { view.dragged = false; }, 0); }
    drag = null;
  });
  map.addEventListener("pointermove", ev => {
    if (!drag || !(ev.buttons & 1)) return;
    if (Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3) drag.moved = true;
    if (!drag.moved) return;
    const box = map.getBoundingClientRect();
    view.x = drag.vx - (ev.clientX - drag.x) / box.width * W / view.zoom;
    view.y = drag.vy - (ev.clientY - drag.y) / box.height * H / view.zoom;
    clampView();
    applyView();
  });
  map.addEventListener("dblclick", () => { view.x = 0; view.y = 0; view.zoom = 1; applyView(); });
}

function drawEvents(events) {
  const group = document.getElementById("events");
  clear(group);
  const located = events.filter(e => e.location && e.location.lat !== null && e.location.lon !== null);
  // Big (many reports) first so small ones stay clickable on top.
  located.sort((a, b) => (b.n_mentions || 1) - (a.n_mentions || 1));
  for (const e of located) {
    const [x, y] = project(e.location.lon, e.location.lat);
    const circle = svg("circle", {
      cx: x.toFixed(2), cy: y.toFixed(2), r: ((2.5 + 1.5 * Math.sqrt(e.n_mentions || 1)) / view.zoom).toFixed(2),
      "data-r": (2.5 + 1.5 * Math.sqrt(e.n_mentions || 1)).toFixed(2),
      class: e.quad_class || "", "data-event-id": e.id,
    });
    const title = svg("title", {});
    title.textContent = `${e.event_type} ${dayOf(e) || ""} ${e.location.name || ""}`;
    circle.appendChild(title);
    circle.addEventListener("click", () => { if (!view.dragged) select(e.id); });
    group.appendChild(circle);
  }
  document.querySelectorAll("#countries path").forEach(p => {
    p.classList.toggle("selected", !!p.getAttribute("data-country") &&
      p.getAttribute("data-country") === document.getElementById("f-country").value);
  });
  return located.length;
}

function drawLegend() {
  const legend = document.getElementById("legend");
  clear(legend);
  for (const q of QUADS) legend.appendChild(el("li", {}, el("span", { class: q }), QUAD_LABEL[q]));
}

// ------------------------------------------------------------------------------------------------ timeline

function periodEnd(start, by) {
  const d = new Date(start + "T00:00:00Z");
  if (by === "day") return start;
  if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
  else { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  return d.toISOString().slice(0, 10);
}

function fillPeriods(found, by) {
  // Every period from the first to the last (empty ones too), so the bars sit on a true time axis.
  if (found.length < 2) return found;
  const out = [];
  let d = new Date(found[0] + "T00:00:00Z");
  const last = found[found.length - 1];
  while (out.length < 5000) {
    const p = d.toISOString().slice(0, 10);
    if (p > last) break;
    out.push(p);
    if (by === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (by === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  }
  return out.length < 5000 ? out : found;
}

function drawTimeline(rows, by) {
  const chart = document.getElementById("timeline");
  clear(chart);
  const found = [...new Set(rows.map(r => r.period))].sort();
  // A few old dates (a 1914 war named in a 2024 story) would squeeze the rest into a sliver: when the periods
  // would be too many to see, start at the period holding the first 1% of events and say what is left out.
  let earlier = 0;
  if (fillPeriods(found, by).length > 400) {
    const perPeriod = found.map(p => rows.filter(r => r.period === p).reduce((a, r) => a + r.events, 0));
    const all = perPeriod.reduce((a, b) => a + b, 0);
    let seen = 0, cut = 0;
    while (cut < found.length - 1 && seen + perPeriod[cut] <= all * 0.01) seen += perPeriod[cut++];
    earlier = seen;
    found.splice(0, cut);
    rows = rows.filter(r => r.period >= found[0]);
  }
  const periods = fillPeriods(found, by);
  const note = document.getElementById("timeline-note");
  note.textContent = earlier ? `${earlier} events before ${found[0]} not shown: set the dates to see them.` : "";
  if (!periods.length) {
    const t = svg("text", { x: 10, y: 80 });
    t.textContent = "No dated events match.";
    chart.appendChild(t);
    return;
  }
  const counts = {};
  for (const r of rows) (counts[r.period] = counts[r.period] || {})[r.quad_class] = r.events;
  const totals = periods.map(p => Object.values(counts[p] || {}).reduce((a, b) => a + b, 0));
  const max = Math.max(...totals, 1);
  const left = 30, bottom = 140, top = 10, width = 960 - left - 10;
  const step = width / periods.length, bar = Math.max(1, step * 0.8);
  const axis = svg("text", { x: 2, y: top + 8 });
  axis.textContent = String(max);
  chart.appendChild(axis);
  periods.forEach((p, i) => {
    let y = bottom;
    const x = left + i * step;
    for (const q of QUADS.concat(["null"])) {
      const n = (counts[p] || {})[q === "null" ? null : q] || 0;
      if (!n) continue;
      const h = n / max * (bottom - top);
      y -= h;
      const rect = svg("rect", { x: x.toFixed(2), y: y.toFixed(2), width: bar.toFixed(2), height: h.toFixed(2),
        class: q, "data-period": p });
      const title = svg("title", {});
      title.textContent = `${p}: ${n} ${QUAD_LABEL[q] || "no class"}`;
      rect.appendChild(title);
      rect.addEventListener("click", () => {
        document.getElementById("f-since").value = p;
        document.getElementById("f-until").value = periodEnd(p, by);
        refresh();
      });
      chart.appendChild(rect);
    }
  });
  const labels = Math.min(periods.length, 8);
  for (let j = 0; j < labels; j++) {
    const i = Math.round(j * (periods.length - 1) / Math.max(labels - 1, 1));
    const t = svg("text", { x: (left + i * step).toFixed(1), y: 155 });
    t.textContent = periods[i];
    chart.appendChild(t);
  }
}

// ------------------------------------------------------------------------------------------------ list

function dayOf(e) { return e.date || e.first_reported || ""; }

function countriesOf(actors) {
  return [...new Set((actors || []).map(a => a.country).filter(Boolean))].join("/") || "?";
}

function drawList(events) {
  const list = document.getElementById("event-list");
  clear(list);
  for (const e of events) {
    const item = el("li", { "data-event-id": e.id, tabindex: "0" },
      el("span", { class: "dot " + (e.quad_class || "") }),
      `${dayOf(e)} `, el("span", { class: "type" }, e.event_type || "?"),
      ` ${countriesOf(e.actor)} → ${countriesOf(e.recipient)}`,
      e.location && e.location.name ? ` · ${e.location.name}` : "",
      e.n_stories > 1 ? ` · ${e.n_stories} stories` : "");
    item.addEventListener("click", () => select(e.id));
    item.addEventListener("keydown", ev => { if (ev.key === "Enter") select(e.id); });
    list.appendChild(item);
  }
}

// ------------------------------------------------------------------------------------------------ evidence

function highlighted(sentence, spans) {
  // The sentence as text nodes and <mark> elements; where spans overlap the trigger wins, then actor, then recipient.
  const rank = { trigger: 3, actor: 2, recipient: 1 };
  const text = String(sentence || "");
  const kind = new Array(text.length).fill(null);
  for (const s of spans) {
    if (!s || typeof s.start !== "number" || typeof s.end !== "number") continue;
    for (let i = Math.max(0, s.start); i < Math.min(text.length, s.end); i++) {
      if (!kind[i] || rank[s.kind] > rank[kind[i]]) kind[i] = s.kind;
    }
  }
  const box = el("div", { class: "sentence" });
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && kind[j] === kind[i]) j++;
    const piece = text.slice(i, j);
    box.appendChild(kind[i] ? el("mark", { class: kind[i], title: kind[i] }, piece) : document.createTextNode(piece));
    i = j;
  }
  return box;
}

function spansOf(record) {
  const spans = [];
  if (record.trigger) spans.push({ kind: "trigger", start: record.trigger.start, end: record.trigger.end });
  for (const a of record.actor || []) spans.push({ kind: "actor", start: a.start, end: a.end });
  for (const r of record.recipient || []) spans.push({ kind: "recipient", start: r.start, end: r.end });
  return spans;
}

function safeLink(url) {
  // Only http(s) addresses become links; anything else (javascript:, data:) is shown as text.
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      return el("a", { href: parsed.href, target: "_blank", rel: "noopener noreferrer" }, url);
    }
  } catch (err) { /* not a URL */ }
  return el("span", {}, String(url));
}

function fields(pairs) {
  const dl = el("dl", { class: "fields" });
  for (const [k, v] of pairs) {
    if (v === null || v === undefined || v === "") continue;
    dl.appendChild(el("dt", {}, k));
    dl.appendChild(el("dd", {}, String(v)));
  }
  return dl;
}

function actorsText(actors) {
  return (actors || []).map(a => `${a.text}${a.country || a.sector ? ` (${[a.country, a.sector].filter(Boolean)
    .join(" ")})` : ""}`).join("; ");
}

async function select(id) {
  state.selected = id;
  document.querySelectorAll("[data-event-id].selected").forEach(n => n.classList.remove("selected"));
  document.querySelectorAll("[data-event-id]").forEach(n => {
    if (n.getAttribute("data-event-id") === id) n.classList.add("selected");
  });
  const body = document.getElementById("evidence-body");
  document.getElementById("evidence-hint").hidden = true;
  clear(body);
  body.appendChild(el("p", { class: "hint" }, "Loading…"));
  let e;
  try {
    e = await api("/api/events/" + encodeURIComponent(id));
  } catch (err) {
    clear(body);
    body.appendChild(el("p", { class: "hint" }, String(err.message)));
    return;
  }
  if (state.selected !== id) return;
  clear(body);
  const loc = e.location || {};
  body.appendChild(el("h3", { "data-evidence-id": e.id }, `${e.event_type}${e.mode ? " / " + e.mode : ""}`));
  body.appendChild(highlighted(e.sentence, spansOf(e)));
  body.appendChild(el("p", { class: "keys" }, el("mark", { class: "trigger" }, "trigger"), " ",
    el("mark", { class: "actor" }, "actor"), " ", el("mark", { class: "recipient" }, "recipient")));
  body.appendChild(fields([
    ["status", e.status], ["date", e.date ? `${e.date} (${e.date_precision || "?"}${e.date_text ? ", “" +
      e.date_text + "”" : ""})` : `first reported ${e.first_reported || "?"}`],
    ["actor", actorsText(e.actor)], ["recipient", actorsText(e.recipient)],
    ["where", loc.name ? `${loc.name}${loc.admin1 ? ", " + loc.admin1 : ""} ${loc.country || ""}` : null],
    ["class", QUAD_LABEL[e.quad_class] || e.quad_class], ["intensity", e.intensity], ["Goldstein", e.goldstein],
    ["dead", e.dead], ["injured", e.injured], ["arrested", e.arrested], ["size", e.size],
    ["said by", e.attribution && e.attribution.text], ["confidence", e.confidence],
    ["reports", `${e.n_mentions} in ${e.n_stories} stories (${e.first_reported || "?"} – ${e.last_reported || "?"})`],
    ["id", e.id],
  ]));
  body.appendChild(el("h3", {}, `Every report (${(e.reports || []).length})`));
  for (const r of e.reports || []) {
    const source = el("div", { class: "source" },
      `${r.publication_date || "undated"} · story ${r.story_id} · sentence ${r.sentence_index} · ${r.event_type}` +
      ` (${r.status})${r.title ? " · " + r.title : ""}`);
    if (r.url) { source.appendChild(document.createTextNode(" · ")); source.appendChild(safeLink(r.url)); }
    body.appendChild(el("div", { class: "report", "data-report-id": r.id }, highlighted(r.sentence, spansOf(r)),
      source));
  }
}

// ------------------------------------------------------------------------------------------------ alerts

async function drawAlerts() {
  const list = document.getElementById("alert-list");
  clear(list);
  let alerts;
  try {
    alerts = await api("/api/alerts");
  } catch (err) {
    list.appendChild(el("li", { class: "hint" }, String(err.message)));
    return;
  }
  if (!alerts.length) {
    list.appendChild(el("li", { class: "hint" }, "No dyad or place rises well above its baseline."));
    return;
  }
  for (const a of alerts.slice(0, 20)) {
    const who = a.dyad ? `${a.dyad[0]} → ${a.dyad[1]}` : `in ${a.place}`;
    const item = el("li", { "data-alert": a.dyad ? a.dyad.join(">") : a.place },
      el("strong", {}, who), `: ${a.window_events} conflict events ${a.window[0]} – ${a.window[1]}, ` +
      `${a.baseline_rate} expected (score ${a.score})`);
    item.addEventListener("click", () => {
      document.getElementById("f-since").value = a.window[0];
      document.getElementById("f-until").value = a.window[1];
      const code = a.dyad ? a.dyad[0] : a.place;
      const country = document.getElementById("f-country");
      if ([...country.options].some(o => o.value === code)) country.value = code;
      refresh();
    });
    list.appendChild(item);
  }
}

// ------------------------------------------------------------------------------------------------ filters

function filters() {
  const value = id => document.getElementById(id).value.trim();
  return { since: value("f-since"), until: value("f-until"), country: value("f-country"), type: value("f-type"),
    status: value("f-status"), q: value("f-q") };
}

let generation = 0;

async function refresh() {
  const mine = ++generation;
  const f = filters();
  const by = document.getElementById("f-by").value;
  showError("");
  try {
    const [page, rows] = await Promise.all([
      api("/api/points", { ...f, limit: PAGE }),
      api("/api/timeline", { ...f, by }),
    ]);
    if (mine !== generation) return;
    const drawn = drawEvents(page.events);
    drawList(page.events);
    drawTimeline(rows, by);
    const shown = page.events.length < page.total ? `, newest ${page.events.length} shown` : "";
    const unplaced = page.events.length - drawn;
    document.getElementById("summary").textContent = `${page.total} events match${shown}; ${drawn} on the map` +
      (unplaced ? ` (${unplaced} with no known place are in the list)` : "");
    document.body.setAttribute("data-ready", String(mine));
  } catch (err) {
    if (mine !== generation) return;
    showError(err.message);
    document.body.setAttribute("data-ready", String(mine));
  }
}

async function start() {
  drawLegend();
  enableZoom();
  try {
    state.meta = await api("/api/meta");
  } catch (err) {
    showError(err.message);
    return;
  }
  state.numeric = state.meta.iso_numeric || {};
  const country = document.getElementById("f-country");
  for (const c of state.meta.countries) country.appendChild(el("option", { value: c.code }, `${c.name} (${c.code})`));
  const type = document.getElementById("f-type");
  for (const t of state.meta.types) type.appendChild(el("option", { value: t }, t));
  const status = document.getElementById("f-status");
  for (const s of state.meta.statuses) if (s !== "asserted") status.appendChild(el("option", { value: s }, s));
  try { await drawCountries(); } catch (err) { showError("world shapes: " + err.message); }
  const form = document.getElementById("filters");
  form.addEventListener("submit", ev => { ev.preventDefault(); refresh(); });
  for (const id of ["f-country", "f-type", "f-status", "f-by", "f-since", "f-until"]) {
    document.getElementById(id).addEventListener("change", refresh);
  }
  document.getElementById("f-reset").addEventListener("click", () => { form.reset(); refresh(); });
  await Promise.all([refresh(), drawAlerts()]);
}

start();
