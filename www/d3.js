// The few d3 modules the charts use, bundled by scripts/build-www.mjs into
// www/vendor/d3.js (the page imports that file; it has no bare module names).
export { scaleUtc, scaleLinear, scaleSqrt } from "d3-scale";
export { select } from "d3-selection";
export { zoom, zoomIdentity } from "d3-zoom";
export { axisBottom, axisLeft } from "d3-axis";
export { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY } from "d3-force";
