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

/** A TIMEX3 date as shown: "2002-SU" reads "summer 2002", "2024-W10" "week 10 of 2024", "2024-Q3" "Q3 2024", "BC0480-04" "480 BC (04)", "BC047" "470s BC", "BC03" "4th century BC", "195" "1950s", "19" "20th century"; other values as they are. */
export function showWhen(value) {
  const seasons = { SP: "spring", SU: "summer", FA: "autumn", WI: "winter" };
  let m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value ?? "");
  if (m) return `${seasons[m[2]]} ${m[1]}`;
  m = /^(\d{4})-([QH][1-4])$/.exec(value ?? "");
  if (m) return `${m[2]} ${m[1]}`;
  m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value ?? "");
  if (m) return `${m[3] ? "weekend of " : ""}week ${+m[2]} of ${m[1]}`;
  m = /^BC(\d{4})(.*)$/.exec(value ?? "");
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
 * Roving focus over `marks` (in reading order): one tab stop for the whole
 * chart; the arrow keys, Home and End move between marks.
 */
function rovingFocus(marks) {
  marks.forEach((mark, i) => {
    mark.setAttribute("tabindex", i === 0 ? "0" : "-1");
    mark.addEventListener("focus", () => {
      for (const other of marks) other.setAttribute("tabindex", other === mark ? "0" : "-1");
    });
    mark.addEventListener("keydown", (event) => {
      const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: marks.length - 1 }[event.key];
      if (to === undefined) return;
      event.preventDefault();
      marks[Math.max(0, Math.min(marks.length - 1, to))].focus();
    });
  });
}

let measuring = null;
/** How wide a label of `text` is in the charts' font at `px` pixels (measured on a canvas; estimated without one). */
function labelWidth(text, px = 12, weight = 400) {
  measuring ??= globalThis.document?.createElement("canvas").getContext("2d") ?? false;
  if (!measuring) return text.length * px * 0.6;
  measuring.font = `${weight} ${px}px system-ui, sans-serif`;
  return measuring.measureText(text).width;
}

/** A label cut to `n` characters at a word boundary, with an ellipsis. */
export function shortLabel(text, n = 30) {
  const clean = String(text ?? "").replace(/\s+/g, " ").trim();
  if (clean.length <= n) return clean;
  const cut = clean.slice(0, n);
  const space = cut.lastIndexOf(" ");
  return `${(space > n / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—…-]+$/, "")}…`;
}

/** "2002", "2002-11-29 to 2002-12-01": an event's date as shown. */
function eventWhen(event) {
  return event.until ? `${showWhen(event.when)} – ${showWhen(event.until)}` : showWhen(event.when);
}

const YEAR = 365.25 * DAY;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date with its year: "Jul 2022", "Mar 10, 2024", "480 BC". */
function withYear(date) {
  const year = date.getUTCFullYear() <= 0 ? `${1 - date.getUTCFullYear()} BC` : String(date.getUTCFullYear());
  const day = date.getUTCDate();
  return day === 1 && date.getUTCMonth() === 0 ? year : day === 1 ? `${MONTHS[date.getUTCMonth()]} ${year}` : `${MONTHS[date.getUTCMonth()]} ${day}, ${year}`;
}

/** A duration in words, for the gap a broken axis leaves out. */
function gapWords(ms) {
  if (ms >= 2 * YEAR) return `${Math.round(ms / YEAR)} years`;
  if (ms >= 60 * DAY) return `${Math.round(ms / (YEAR / 12))} months`;
  return `${Math.round(ms / DAY)} days`;
}

/**
 * Cut sorted times into stretches wherever a gap is more than a fifth of the
 * whole, more than 60 days and more than four times the median gap,
 * recursively, at most `limit` stretches: a far
 * outlier then gets a short stretch of its own, and a cluster of nearby days
 * one wide enough to tell them apart.
 */
export function timeStretches(times, limit = 4) {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  if (sorted.length < 2) return [sorted];
  const gaps = [];
  // A break only where a gap stands out from the usual gap between dates: evenly spread dates keep one scale.
  const between = sorted.slice(1).map((t, i) => t - sorted[i]).sort((a, b) => a - b);
  const usualGap = between[Math.floor(between.length / 2)];
  const split = (lo, hi) => {
    const total = sorted[hi] - sorted[lo];
    let best = -1;
    for (let i = lo; i < hi; i++) {
      const gap = sorted[i + 1] - sorted[i];
      if (gap > total / 5 && gap > 60 * DAY && gap > 4 * usualGap && (best < 0 || gap > sorted[best + 1] - sorted[best])) best = i;
    }
    if (best < 0) return;
    gaps.push({ at: best, size: sorted[best + 1] - sorted[best] });
    split(lo, best);
    split(best + 1, hi);
  };
  split(0, sorted.length - 1);
  const cuts = gaps.sort((a, b) => b.size - a.size).slice(0, limit - 1).map((g) => g.at).sort((a, b) => a - b);
  const stretches = [];
  let from = 0;
  for (const at of cuts) {
    stretches.push(sorted.slice(from, at + 1));
    from = at + 1;
  }
  stretches.push(sorted.slice(from));
  return stretches;
}

/**
 * A zoomable timeline. `events`: [{when, until, label, group, context}], in any
 * order (`context`, such as the article's title, is read out after the label).
 * Each mark carries its date and a short label; a day is a dot, a month, year or
 * decade (a date known only that far) a ring labelled with it ("2022"), and only
 * an explicit range ("from 1999 to 2002") a bar. The axis is broken where the
 * dates are far apart, each stretch with its own scale, so a far outlier and a
 * cluster of nearby days are both legible. Wheel, drag or the buttons zoom and
 * pan; the chart is one tab stop, and the arrow keys move from event to event
 * in time order; Enter (or a click) calls `onActivate(event)`.
 * Returns null when no event has a calendar date.
 */
export function timelineChart(events, { label = "Timeline", onActivate = () => {}, width = 760 } = {}) {
  const placed = events.map((event) => ({ event, span: eventSpan(event.when, event.until) })).filter((p) => p.span);
  if (!placed.length) return null;
  for (const p of placed) {
    p.range = Boolean(p.event.until) && p.span[1] - p.span[0] > DAY;
    p.vague = !p.range && p.span[1] - p.span[0] > DAY;
    // A day at its start; a month or a year at its middle, where its label reads.
    p.from = p.range ? p.span[0] : p.vague ? (p.span[0] + p.span[1]) / 2 : p.span[0];
    p.to = p.range ? p.span[1] : p.from;
  }
  placed.sort((a, b) => a.from - b.from || a.to - b.to);
  const row = 20;
  const gapWidth = 26;

  // The broken axis: stretches of time, each given width by how many events it holds.
  const stretches = timeStretches(placed.flatMap((p) => [p.from, p.to]));
  const counts = stretches.map((times) => placed.filter((p) => p.from >= times[0] && p.from <= times.at(-1)).length || 1);
  // Room at the right for the last tick's label.
  const usable = width - 30 - gapWidth * (stretches.length - 1);
  const minimum = Math.min(110, usable / stretches.length);
  const total = counts.reduce((a, b) => a + b, 0);
  let x0 = 8;
  const segments = stretches.map((times, i) => {
    const share = minimum + (usable - minimum * stretches.length) * (counts[i] / total);
    let lo = times[0];
    let hi = times.at(-1);
    // At least a few days either side, so one day or one week does not fill the stretch.
    const least = hi - lo < 20 * DAY ? Math.max(DAY, (hi - lo) * 0.1) : (hi - lo) * 0.06;
    lo -= least;
    hi += least;
    const segment = { lo, hi, x0, x1: x0 + share, single: times.length === 1 };
    x0 += share + gapWidth;
    return segment;
  });
  const base = (t) => {
    const seg = segments.find((g) => t <= g.hi) ?? segments.at(-1);
    const k = (Math.min(Math.max(t, seg.lo), seg.hi) - seg.lo) / (seg.hi - seg.lo || 1);
    return seg.x0 + k * (seg.x1 - seg.x0);
  };

  // Rows: each mark with its label goes in the first row where it does not touch the one before.
  const maxRows = 14;
  const rowEnds = [];
  for (const p of placed) {
    p.text = `${eventWhen(p.event)} ${shortLabel(p.event.label, 28)}`.trim();
    const from = base(p.from) - 6;
    const markEnd = Math.max(base(p.to), from + 12);
    const w = labelWidth(p.text) + 8;
    // The label goes right of its mark, or left of it near the right edge; a label that fits neither is left to the title and the list.
    p.leftLabel = markEnd + w > width && from - w >= 0;
    p.labelled = markEnd + w <= width || p.leftLabel;
    const left = p.leftLabel ? from - w : from;
    const right = p.labelled && !p.leftLabel ? markEnd + w : markEnd;
    let r = rowEnds.findIndex((end) => end + 6 < left);
    if (r < 0 && rowEnds.length < maxRows) {
      r = rowEnds.length;
      rowEnds.push(0);
    } else if (r < 0) {
      // Full: the mark goes where it fits best, without its label (the list and its title have it).
      r = rowEnds.indexOf(Math.min(...rowEnds));
      p.labelled = false;
      p.leftLabel = false;
    }
    rowEnds[r] = Math.max(rowEnds[r], p.labelled ? right : markEnd);
    p.row = r;
  }
  const plotHeight = rowEnds.length * row + 6;
  const height = plotHeight + 26;
  const clip = `lede-clip-${nextChartId++}`;

  const marks = placed.map((p) => {
    const y = p.row * row + 4;
    const middle = y + (row - 6) / 2;
    const shape = p.range
      ? s("rect", { class: "bar", y, height: row - 6, rx: 3 })
      : s("circle", { class: p.vague ? "ring" : "dot", cy: middle, r: p.vague ? 5 : 4.5 });
    const text = p.labelled ? s("text", { class: "event-label", y: middle + 4, "text-anchor": p.leftLabel ? "end" : "start" }, p.text) : null;
    // The visible words first, so the name read out contains what is shown.
    const name = `${eventWhen(p.event)}: ${p.event.label}${p.event.context ? ` (${p.event.context})` : ""}`;
    const mark = s("g", { class: `event g${(p.event.group ?? 0) % 8}`, role: "button", "aria-label": name },
      s("title", {}, name), shape, text);
    activateOnKey(mark, () => onActivate(p.event));
    return { p, shape, text, mark };
  });
  rovingFocus(marks.map((m) => m.mark));

  const axes = s("g", { class: "axis", transform: `translate(0,${plotHeight})` });
  const breaks = s("g", { class: "breaks", "aria-hidden": "true" });
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline-chart", role: "group", "aria-label": `${label}: ${placed.length} dated events; the arrow keys move between them; zoom with the buttons, the mouse wheel or a pinch` },
    s("defs", {}, s("clipPath", { id: clip }, s("rect", { x: 0, y: 0, width, height }))),
    s("g", { "clip-path": `url(#${clip})` }, marks.map((m) => m.mark), axes, breaks));

  function draw(transform) {
    const X = (t) => transform.applyX(base(t));
    for (const { p, shape, text } of marks) {
      const from = X(p.from);
      if (p.range) {
        shape.setAttribute("x", from.toFixed(1));
        shape.setAttribute("width", Math.max(X(p.to) - from, 4).toFixed(1));
      } else {
        shape.setAttribute("cx", from.toFixed(1));
      }
      if (text) {
        const at = p.leftLabel ? from - 8 : Math.max(X(p.to), from) + (p.range ? 4 : 8);
        text.setAttribute("x", at.toFixed(1));
      }
    }
    axes.replaceChildren();
    breaks.replaceChildren();
    segments.forEach((seg, i) => {
      const a = transform.applyX(seg.x0);
      const b = transform.applyX(seg.x1);
      const g = s("g", {});
      axes.append(g);
      if (seg.single) {
        // One date alone: one tick, labelled as the event gives it.
        const p = placed.find((q) => q.from >= seg.lo && q.from <= seg.hi);
        const at = X(p.from);
        g.append(s("path", { class: "domain", d: `M${a.toFixed(1)},0H${b.toFixed(1)}` }),
          s("g", { class: "tick", transform: `translate(${at.toFixed(1)},0)` }, s("line", { y2: 6 }), s("text", { y: 9, dy: "0.71em", "text-anchor": "middle" }, showWhen(p.event.when))));
      } else {
        const scale = scaleUtc().domain([seg.lo, seg.hi]).range([a, b]);
        const count = Math.max(2, Math.floor((b - a) / 90));
        const usual = yearsBeforeChrist(scale, count);
        // A stretch shorter than two years says its year on its first tick ("Jul 2022"), as month and day ticks do not.
        const format = seg.hi - seg.lo < 2 * YEAR ? (date, i) => (i === 0 ? withYear(date) : usual(date)) : usual;
        select(g).call(axisBottom(scale).ticks(count).tickFormat(format).tickSizeOuter(0));
      }
      if (i > 0) {
        const before = segments[i - 1];
        const mid = (transform.applyX(before.x1) + a) / 2;
        breaks.append(s("g", { class: "break", transform: `translate(${mid.toFixed(1)},${plotHeight})` },
          s("path", { d: "M-6,5L-2,-5M2,5L6,-5" }),
          s("title", {}, `${gapWords(seg.lo - before.hi)} left out`)));
      }
    });
  }
  const behaviour = zoom()
    .scaleExtent([1, 64])
    .extent([[0, 0], [width, height]])
    .translateExtent([[0, 0], [width, height]])
    .on("zoom", (event) => draw(event.transform));
  const svgSelection = select(svg).call(behaviour);
  draw(zoomIdentity);

  const button = (text, name, act) => {
    const b = h("button", { type: "button", class: "zoom", "aria-label": name ?? undefined }, text);
    b.addEventListener("click", act);
    return b;
  };
  const kinds = [placed.some((p) => !p.range && !p.vague) && "dots are days", placed.some((p) => p.vague) && "rings are months, years or longer, known only that far",
    placed.some((p) => p.range) && "bars are ranges", segments.length > 1 && "// marks a stretch of time left out"].filter(Boolean);
  return h("figure", { class: "chart timeline-figure" },
    h("div", { class: "chart-tools" },
      button("+", "Zoom in", () => svgSelection.call(behaviour.scaleBy, 2)),
      button("−", "Zoom out", () => svgSelection.call(behaviour.scaleBy, 0.5)),
      button("Reset zoom", null, () => svgSelection.call(behaviour.transform, zoomIdentity))),
    svg,
    h("figcaption", {}, `${label}: ${placed.length} event${placed.length === 1 ? "" : "s"}; ${kinds.join("; ")}`));
}

/**
 * Who appears with whom: a force-directed network. `nodes`: [{id, name, type,
 * weight}], `links`: [{a, b, count}] with a and b indices into nodes.
 * Activating a node calls `onActivate(node)`. Returns null with fewer than two linked nodes.
 */
export function networkChart(nodes, links, { label = "Who appears with whom", onActivate = () => {}, width = 760 } = {}) {
  if (nodes.length < 2 || !links.length) return null;
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
  // Labels: the most-mentioned first, each below its circle, else above, else
  // shown only on hover or focus, so no two labels overlap (the most-mentioned always shows).
  const boxes = [];
  const order = [...simNodes].sort((a, b) => b.weight - a.weight || b.salience - a.salience);
  for (const n of simNodes) boxes.push({ x0: n.x - n.r, x1: n.x + n.r, y0: n.y - n.r, y1: n.y + n.r, owner: n });
  for (const [rank, n] of order.entries()) {
    const w = labelWidth(n.name, 13) + 8;
    // Centred under its circle, but shifted to stay inside the chart.
    n.dx = Math.min(Math.max(n.x - w / 2, 2), Math.max(2, width - 2 - w)) + w / 2 - n.x;
    const cx = n.x + n.dx;
    const below = { x0: cx - w / 2, x1: cx + w / 2, y0: n.y + n.r + 1, y1: n.y + n.r + 15 };
    const above = { x0: cx - w / 2, x1: cx + w / 2, y0: n.y - n.r - 15, y1: n.y - n.r - 1 };
    const taken = (box) => boxes.some((b) => b.owner !== n && box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1);
    const place = !taken(below) ? "below" : !taken(above) ? "above" : rank === 0 ? "below" : null;
    n.label = place;
    if (place) boxes.push(place === "below" ? below : above);
  }
  const marks = simNodes.map((n) => {
    const y = n.label === "above" ? -(n.r + 4) : n.r + 12;
    const mark = s("g", {
      class: `node type-${n.type}${n.label ? " labelled" : ""}`,
      role: "button",
      "aria-label": `${n.name}, ${n.weight} mention${n.weight === 1 ? "" : "s"}`,
      transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`,
      dataset: { entity: n.id },
    }, s("title", {}, n.name), s("circle", { r: n.r.toFixed(1) }), s("text", { x: (n.dx ?? 0).toFixed(1), y: y.toFixed(1), "text-anchor": "middle" }, n.name));
    activateOnKey(mark, () => onActivate(n, mark));
    return mark;
  });
  rovingFocus(order.map((n) => marks[simNodes.indexOf(n)]));
  return h("figure", { class: "chart network-figure" },
    s("svg", { viewBox: `0 0 ${width} ${height}`, class: "network-chart", role: "group", "aria-label": `${label}: ${nodes.length} names, ${links.length} links` },
      s("g", { class: "links", "aria-hidden": "true" }, lines), s("g", { class: "nodes" }, marks)),
    h("figcaption", {}, `${label}: names in the same sentences are linked; bigger circles are mentioned more; names not shown appear on hover or focus, and the arrow keys go from name to name, most-mentioned first`));
}

/**
 * Tone toward each of a few entities over time, one row each.
 * `series`: [{name, points: [{when, score, title}]}] with `when` a TIMEX3 date.
 */
export function toneOverTimeChart(series, { label = "Tone over time", width = 760 } = {}) {
  const rows = series
    .map((row) => ({ ...row, points: row.points.map((p) => ({ ...p, span: timeSpan(p.when) })).filter((p) => p.span) }))
    .filter((row) => row.points.length >= 2);
  if (!rows.length) return null;
  const left = Math.min(170, width / 3);
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
