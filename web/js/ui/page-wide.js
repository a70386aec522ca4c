// What the widgets of one page share (ui/widget.js uses it): one observer of <html lang> for all of
// them, and one queue that builds them one per task once the engine is ready.

// <html lang> watched once for every widget on the page.
const langWatchers = new Set();
let htmlObserver = null;
export function watchPageLanguage(w) {
  langWatchers.add(w);
  if (!htmlObserver) {
    htmlObserver = new MutationObserver(() => { for (const x of [...langWatchers]) x.onPageLanguage(); });
    htmlObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
}

export function unwatchPageLanguage(w) { langWatchers.delete(w); }

// Widgets are built one per task once the engine is ready, those on screen first: a page of two
// dozen would otherwise build them all in one task (0.8 s on a phone-class CPU, blocking input).
// A first build is three tasks: the DOM (configure), the computation's start, then the first
// drawing and the work loop (jobs queued by the widget). Jobs of on-screen widgets go first.
const jobs = []; // { w, run }
const hop = new MessageChannel(); // a task without setTimeout's nesting clamp
hop.port1.onmessage = () => {
  const on = jobs.findIndex((j) => j.w.vis.visible);
  const [job] = jobs.splice(on >= 0 ? on : 0, 1);
  if (jobs.length) hop.port2.postMessage(0);
  if (job?.w.isConnected) job.run();
};
function queue(w, run) {
  jobs.push({ w, run });
  if (jobs.length === 1) hop.port2.postMessage(0);
}
function queueFirstBuild(w) {
  if (jobs.some((j) => j.w === w)) return;
  queue(w, () => { if (!w.engineReady) { w.engineReady = true; w.configure({ first: true }); } }); // (widget.js)
}

// A widget is built when it comes within a window's height of the screen (above or below): a
// reader of a long page pays, at load, only for the widgets near what they see, and the rest as
// they scroll to them. While the page scrolls, a widget near the screen waits until scrolling
// pauses (SETTLE_MS), or until it has stayed near for NEAR_MS while the page moves slower than
// SLOW screens a second (a reader who reads as they scroll): a smooth scroll or a fling through
// the whole page builds the widgets where it ends, not the twenty it passes. (Speed, not time
// alone: a long smooth scroll slows down over its last screens, and a busy main thread stretches
// the time between two looks at the page.)
// `loading="eager"` on an element, or `window.activationWidgetsLoading = 'eager'` set before the
// script runs (every widget of the page), builds at once, as without an IntersectionObserver.
// A widget waiting to come near has `deferred` true (js/page.js reads it).
const SETTLE_MS = 150, NEAR_MS = 250, SLOW = 3, LOOK_MS = 100;
const far = new Set();
const nearSince = new Map(); // far widgets near the screen now -> since when (performance.now())
const path = []; // [time, scrollY] at each look while widgets wait, over the last NEAR_MS
let nearIO = null, lastScroll = -Infinity, settleTimer = 0;
const eager = (w) => w.getAttribute('loading') === 'eager' || globalThis.activationWidgetsLoading === 'eager' ||
  typeof IntersectionObserver !== 'function';
function near(w) {
  nearSince.delete(w);
  if (!far.delete(w)) return;
  nearIO.unobserve(w);
  w.deferred = false;
  queueFirstBuild(w);
}
function settle() {
  settleTimer = 0;
  const now = performance.now(), y = scrollY, quiet = now - lastScroll >= SETTLE_MS;
  path.push([now, y]);
  while (path.length > 2 && now - path[1][0] >= NEAR_MS) path.shift();
  const [t0, y0] = path[0], slow = now - t0 >= LOOK_MS && Math.abs(y - y0) * 1000 < SLOW * innerHeight * (now - t0);
  for (const [w, since] of [...nearSince]) if (quiet || (slow && now - since >= NEAR_MS)) near(w);
  if (nearSince.size) settleTimer = setTimeout(settle, Math.min(LOOK_MS, SETTLE_MS - (now - lastScroll))); // (left only while not quiet)
  else path.length = 0;
}
function observed(entries) {
  const now = performance.now();
  for (const e of entries) {
    if (!e.isIntersecting) nearSince.delete(e.target);
    else if (!nearSince.has(e.target)) nearSince.set(e.target, now);
  }
  if (!settleTimer) settle();
}
export function queueBuild(w) {
  if (far.has(w)) return;
  if (eager(w)) { queueFirstBuild(w); return; }
  if (!nearIO) {
    nearIO = new IntersectionObserver(observed, { rootMargin: '100% 0px' });
    addEventListener('scroll', () => { lastScroll = performance.now(); }, { capture: true, passive: true });
    // printing: the rest are built now (a print preview taken at once still shows them empty;
    // one made a moment later, or a second print, has them)
    addEventListener('beforeprint', () => { for (const w of [...far]) near(w); });
  }
  far.add(w);
  w.deferred = true;
  nearIO.observe(w); // its first report says whether it is near already
}
export function unqueueBuild(w) {
  nearSince.delete(w);
  if (far.delete(w)) { nearIO.unobserve(w); w.deferred = false; }
}
// `run` in a task of its own, in the same queue (after the builds already waiting).
export { queue as queueTask };
