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
const buildQueue = [];
const hop = new MessageChannel(); // a task without setTimeout's nesting clamp
hop.port1.onmessage = () => {
  const on = buildQueue.findIndex((w) => w.vis.visible);
  const [w] = buildQueue.splice(on >= 0 ? on : 0, 1);
  if (buildQueue.length) hop.port2.postMessage(0);
  if (w?.isConnected && !w.engineReady) { w.engineReady = true; w.configure(); } // (widget.js)
};
export function queueBuild(w) {
  if (buildQueue.includes(w)) return;
  buildQueue.push(w);
  if (buildQueue.length === 1) hop.port2.postMessage(0);
}
