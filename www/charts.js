// Charts drawn as SVG with d3's scales, zoom, axes and force layout: a timeline
// that zooms from centuries to days (ranges as bars), a co-occurrence network and
// tone over time. Every mark is built from data as SVG nodes and text nodes, never
// from markup strings; every interactive mark is focusable and works by keyboard.
import { scaleUtc, scaleLinear, scaleSqrt, select, zoom, zoomIdentity, axisBottom, forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from "./vendor/d3.js";
import { h, s } from "./view-dom.js";

const DAY = 86400000;

/** Milliseconds at the start of a UTC day; any year, month or day overflow is carried. */
function utc(year, month = 0, day = 1) {
  const t = new Date(0);
  t.setUTCFullYear(year, month, day);
  t.setUTCHours(0, 0, 0, 0);
  return t.getTime();
}

// Months [from, to) of each season; a winter is named for the year of its January
// (TimeML: "the winter of 1777-78" is 1778-WI), so it starts the December before.
const SEASONS = { SP: [2, 5], SU: [5, 8], FA: [8, 11], WI: [-1, 2] };

/**
 * The span of time a TIMEX3 value names, as [start, end) in milliseconds, or null
 * for values with no place on a calendar (PRESENT_REF, XXXX-WXX-1, durations).
 * Years before Christ ("BC0480-04") count astronomically: 480 BC is year -479.
 */
export function timeSpan(value) {
  if (typeof value !== "string") return null;
  let m;
  if ((m = /^(BC)?(\d{4})(.*)$/.exec(value))) return yearPartSpan(m[1] ? 1 - +m[2] : +m[2], m[3]);
  if ((m = /^BC(\d{3})$/.exec(value))) return [utc(-(+m[1] * 10 + 8)), utc(-(+m[1] * 10 + 8) + 10)];
  // "BC03", the 4th century BC: the years BC0399 to BC0300, astronomical -398 to -299.
  if ((m = /^BC(\d{2})$/.exec(value))) return [utc(1 - (+m[1] * 100 + 99)), utc(2 - +m[1] * 100)];
  if ((m = /^(\d{3})X?$/.exec(value))) return [utc(+m[1] * 10), utc(+m[1] * 10 + 10)];
  if ((m = /^(\d{2})(XX)?$/.exec(value))) return [utc(+m[1] * 100), utc(+m[1] * 100 + 100)];
  return null;
}

/** The span of `rest` ("-11-29", "-W48", "-Q3", "-SU", "") within `year`. */
function yearPartSpan(year, rest) {
  let m;
  if ((m = /^-(\d{2})-(\d{2})/.exec(rest))) {
    const start = utc(year, +m[1] - 1, +m[2]);
    return [start, start + DAY];
  }
  if ((m = /^-(\d{2})$/.exec(rest))) return [utc(year, +m[1] - 1), utc(year, +m[1])];
  if ((m = /^-W(\d{2})/.exec(rest))) {
    const jan4 = utc(year, 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
    const start = monday + (+m[1] - 1) * 7 * DAY;
    return [start, start + 7 * DAY];
  }
  if ((m = /^-Q([1-4])$/.exec(rest))) return [utc(year, (+m[1] - 1) * 3), utc(year, +m[1] * 3)];
  if ((m = /^-H([12])$/.exec(rest))) return [utc(year, (+m[1] - 1) * 6), utc(year, +m[1] * 6)];
  if ((m = /^-(SP|SU|FA|WI)$/.exec(rest))) {
    const [from, to] = SEASONS[m[1]];
    return [utc(year, from), utc(year, to)];
  }
  if (rest === "") return [utc(year), utc(year + 1)];
  return null;
}

/** A TIMEX3 date as shown: "BC0480-04" reads "480 BC (04)", "BC047" "470s BC", "BC03" "4th century BC", "195" "1950s", "19" "20th century"; other values as they are. */
export function showWhen(value) {
  let m = /^BC(\d{4})(.*)$/.exec(value ?? "");
  if (m) return `${+m[1]} BC${m[2] ? ` (${m[2].slice(1)})` : ""}`;
  m = /^BC(\d{3})$/.exec(value ?? "");
  if (m) return `${+m[1] * 10}s BC`;
  m = /^BC(\d{2})$/.exec(value ?? "");
  if (m) return `${ordinal(+m[1] + 1)} century BC`;
  m = /^(\d{3})X?$/.exec(value ?? "");
  if (m) return `${+m[1] * 10}s`;
  m = /^(\d{2})(XX)?$/.exec(value ?? "");
  if (m) return `${ordinal(+m[1] + 1)} century`;
  return value;
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
function ordinal(n) {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" })[n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** The axis labels of a time scale, with years before Christ written "480 BC" (d3 writes "-0479"). */
function yearsBeforeChrist(scale, count) {
  const usual = scale.tickFormat(count);
  return (date) => (date.getUTCFullYear() <= 0 ? `${1 - date.getUTCFullYear()} BC` : usual(date));
}

/** The span from `when` to the end of `until` (when given), or null. */
export function eventSpan(when, until) {
  const first = timeSpan(when);
  if (!first) return null;
  const last = until ? timeSpan(until) : null;
  return last && last[1] > first[0] ? [first[0], last[1]] : first;
}

let nextChartId = 0;

function activateOnKey(element, activate) {
  element.addEventListener("click", activate);
  element.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      activate();
    }
  });
}

/**
 * A zoomable timeline. `events`: [{when, until, label, group}]; ranges are bars,
 * days are dots, rows keep marks from overlapping. Wheel or drag to zoom and pan,
 * or the buttons; activating a mark calls `onActivate(event)`.
 * Returns null when no event has a calendar date.
 */
export function timelineChart(events, { label = "Timeline", onActivate = () => {} } = {}) {
  const placed = events.map((event) => ({ event, span: eventSpan(event.when, event.until) })).filter((p) => p.span);
  if (!placed.length) return null;
  placed.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
  const width = 760;
  const row = 16;
  let min = Math.min(...placed.map((p) => p.span[0]));
  let max = Math.max(...placed.map((p) => p.span[1]));
  if (max - min < 60 * DAY) {
    const middle = (min + max) / 2;
    min = middle - 30 * DAY;
    max = middle + 30 * DAY;
  }
  const pad = (max - min) * 0.03;
  const x = scaleUtc().domain([min - pad, max + pad]).range([8, width - 8]);

  // Rows: each mark goes in the first row where it does not touch the one before.
  const rowEnds = [];
  for (const p of placed) {
    const from = x(p.span[0]);
    const to = Math.max(x(p.span[1]), from + 8);
    let r = rowEnds.findIndex((end) => end + 3 < from);
    if (r < 0) {
      r = rowEnds.length < 14 ? rowEnds.length : placed.indexOf(p) % 14;
      if (r === rowEnds.length) rowEnds.push(0);
    }
    rowEnds[r] = Math.max(rowEnds[r], to);
    p.row = r;
  }
  const plotHeight = rowEnds.length * row + 8;
  const height = plotHeight + 24;
  const clip = `lede-clip-${nextChartId++}`;

  const marks = placed.map((p) => {
    const isRange = p.span[1] - p.span[0] > DAY;
    const shape = isRange
      ? s("rect", { class: "bar", y: p.row * row + 6, height: row - 6, rx: 3 })
      : s("circle", { class: "dot", cy: p.row * row + 6 + (row - 6) / 2, r: 5 });
    const when = p.event.until ? `${showWhen(p.event.when)} to ${showWhen(p.event.until)}` : showWhen(p.event.when);
    const mark = s("g", {
      class: `event g${(p.event.group ?? 0) % 8}`,
      tabindex: "0",
      role: "button",
      "aria-label": `${when}: ${p.event.label}`,
    }, s("title", {}, `${when}: ${p.event.label}`), shape);
    activateOnKey(mark, () => onActivate(p.event));
    return { p, shape, isRange, mark };
  });

  const axis = s("g", { class: "axis", transform: `translate(0,${plotHeight})` });
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline-chart", role: "group", "aria-label": `${label}: ${placed.length} dated events; zoom with the buttons, the mouse wheel or a pinch` },
    s("defs", {}, s("clipPath", { id: clip }, s("rect", { x: 0, y: 0, width, height: plotHeight }))),
    s("g", { "clip-path": `url(#${clip})` }, marks.map((m) => m.mark)),
    axis);

  function draw(scale) {
    for (const { p, shape, isRange } of marks) {
      const from = scale(p.span[0]);
      if (isRange) {
        shape.setAttribute("x", from.toFixed(1));
        shape.setAttribute("width", Math.max(scale(p.span[1]) - from, 4).toFixed(1));
      } else {
        shape.setAttribute("cx", ((from + scale(p.span[1])) / 2).toFixed(1));
      }
    }
    select(axis).call(axisBottom(scale).ticks(width / 90).tickFormat(yearsBeforeChrist(scale, width / 90)).tickSizeOuter(0));
  }
  const span = max - min + 2 * pad;
  const behaviour = zoom()
    .scaleExtent([1, Math.max(1, span / (DAY * 8))])
    .extent([[0, 0], [width, height]])
    .translateExtent([[0, 0], [width, height]])
    .on("zoom", (event) => draw(event.transform.rescaleX(x)));
  const svgSelection = select(svg).call(behaviour);
  draw(x);

  const button = (text, name, act) => {
    const b = h("button", { type: "button", class: "zoom", "aria-label": name ?? undefined }, text);
    b.addEventListener("click", act);
    return b;
  };
  return h("figure", { class: "chart timeline-figure" },
    h("div", { class: "chart-tools" },
      button("+", "Zoom in", () => svgSelection.call(behaviour.scaleBy, 2)),
      button("−", "Zoom out", () => svgSelection.call(behaviour.scaleBy, 0.5)),
      button("Reset zoom", null, () => svgSelection.call(behaviour.transform, zoomIdentity))),
    svg,
    h("figcaption", {}, `${label}: ${placed.length} event${placed.length === 1 ? "" : "s"}, ranges drawn as bars`));
}

/**
 * Who appears with whom: a force-directed network. `nodes`: [{id, name, type,
 * weight}], `links`: [{a, b, count}] with a and b indices into nodes.
 * Activating a node calls `onActivate(node)`. Returns null with fewer than two linked nodes.
 */
export function networkChart(nodes, links, { label = "Who appears with whom", onActivate = () => {} } = {}) {
  if (nodes.length < 2 || !links.length) return null;
  const width = 760;
  const height = Math.min(460, 180 + nodes.length * 10);
  const radius = scaleSqrt().domain([0, Math.max(...nodes.map((n) => n.weight), 1)]).range([4, 18]);
  const simNodes = nodes.map((n) => ({ ...n, r: radius(n.weight) }));
  const simLinks = links.map((l) => ({ source: l.a, target: l.b, count: l.count }));
  const simulation = forceSimulation(simNodes)
    .force("link", forceLink(simLinks).distance(70).strength((l) => Math.min(1, 0.2 + l.count / 10)))
    .force("charge", forceManyBody().strength(-300))
    .force("center", forceCenter(width / 2, height / 2))
    .force("x", forceX(width / 2).strength(0.04))
    .force("y", forceY(height / 2).strength(0.08))
    .force("collide", forceCollide((n) => n.r + 6))
    .stop();
  // Laid out before drawing, so the page never animates or jitters.
  for (let i = 0; i < 300; i++) simulation.tick();
  // Stretch the layout to fill the box, leaving room for the labels.
  const xs = simNodes.map((n) => n.x);
  const ys = simNodes.map((n) => n.y);
  const fit = (value, min, max, from, to) => (max - min < 1 ? (from + to) / 2 : from + ((value - min) / (max - min)) * (to - from));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const n of simNodes) {
    n.x = fit(n.x, x0, x1, 70, width - 70);
    n.y = fit(n.y, y0, y1, 24, height - 30);
  }
  const maxCount = Math.max(...links.map((l) => l.count), 1);
  const lines = simLinks.map((l) => s("line", {
    class: "link",
    x1: l.source.x.toFixed(1), y1: l.source.y.toFixed(1), x2: l.target.x.toFixed(1), y2: l.target.y.toFixed(1),
    "stroke-width": (1 + (3 * l.count) / maxCount).toFixed(1),
  }));
  const marks = simNodes.map((n) => {
    const mark = s("g", {
      class: `node type-${n.type}`,
      tabindex: "0",
      role: "button",
      "aria-label": `${n.name}, ${n.weight} mention${n.weight === 1 ? "" : "s"}`,
      transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`,
      dataset: { entity: n.id },
    }, s("title", {}, n.name), s("circle", { r: n.r.toFixed(1) }), s("text", { y: (n.r + 11).toFixed(1), "text-anchor": "middle" }, n.name));
    activateOnKey(mark, () => onActivate(n, mark));
    return mark;
  });
  return h("figure", { class: "chart network-figure" },
    s("svg", { viewBox: `0 0 ${width} ${height}`, class: "network-chart", role: "group", "aria-label": `${label}: ${nodes.length} names, ${links.length} links` },
      s("g", { class: "links", "aria-hidden": "true" }, lines), s("g", { class: "nodes" }, marks)),
    h("figcaption", {}, `${label}: names in the same sentences are linked; bigger circles are mentioned more`));
}

/**
 * Tone toward each of a few entities over time, one row each.
 * `series`: [{name, points: [{when, score, title}]}] with `when` a TIMEX3 date.
 */
export function toneOverTimeChart(series, { label = "Tone over time" } = {}) {
  const rows = series
    .map((row) => ({ ...row, points: row.points.map((p) => ({ ...p, span: timeSpan(p.when) })).filter((p) => p.span) }))
    .filter((row) => row.points.length >= 2);
  if (!rows.length) return null;
  const width = 760;
  const left = 170;
  const rowHeight = 44;
  const times = rows.flatMap((r) => r.points.map((p) => p.span[0]));
  let min = Math.min(...times);
  let max = Math.max(...times);
  if (max - min < 2 * DAY) {
    min -= 15 * DAY;
    max += 15 * DAY;
  }
  const x = scaleUtc().domain([min, max]).range([left + 8, width - 10]).nice();
  const y = scaleLinear().domain([-1, 1]).range([rowHeight - 6, 6]);
  const axis = s("g", { class: "axis", transform: `translate(0,${rows.length * rowHeight})` });
  select(axis).call(axisBottom(x).ticks(6).tickSizeOuter(0));
  const groups = rows.map((row, i) => {
    const points = [...row.points].sort((a, b) => a.span[0] - b.span[0]);
    const path = points.map((p, k) => `${k ? "L" : "M"}${x(p.span[0]).toFixed(1)},${y(p.score).toFixed(1)}`).join("");
    return s("g", { transform: `translate(0,${i * rowHeight})` },
      s("text", { x: 0, y: rowHeight / 2 + 4, class: "row-label" }, row.name.length > 24 ? `${row.name.slice(0, 23)}…` : row.name),
      s("line", { class: "zero", x1: left, x2: width, y1: y(0), y2: y(0) }),
      s("path", { class: "tone-line", d: path }),
      points.map((p) => s("circle", { class: p.score > 0.05 ? "pos" : p.score < -0.05 ? "neg" : "neu", cx: x(p.span[0]).toFixed(1), cy: y(p.score).toFixed(1), r: 4 },
        s("title", {}, `${row.name}, ${p.when}: ${p.score.toFixed(2)} (${p.title})`))));
  });
  const table = h("table", { class: "entities" },
    h("caption", {}, "The same as a table"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Date"), h("th", { scope: "col" }, "Tone"), h("th", { scope: "col" }, "Article"))),
    h("tbody", {}, rows.flatMap((row) => row.points.map((p) => h("tr", {}, h("th", { scope: "row" }, row.name), h("td", {}, p.when), h("td", {}, p.score.toFixed(2)), h("td", {}, p.title))))));
  return h("figure", { class: "chart tone-time-figure" },
    s("svg", { viewBox: `0 0 ${width} ${rows.length * rowHeight + 24}`, class: "tone-time-chart", role: "img", "aria-label": `${label} for ${rows.map((r) => r.name).join(", ")}` }, groups, axis),
    h("figcaption", {}, `${label}: each dot is one article, above the line positive, below negative`),
    h("details", {}, h("summary", {}, "Show as a table"), table));
}
