// Entry of dist/activation-widgets.js (built by tools/bundle.mjs as a classic IIFE; the wasm loader
// is concatenated in front of it). Brings every element of widgets/all.js and reads opt-in options
// from its own <script> tag:
//   <script src="…/activation-widgets.js" defer></script>                 widgets only
//   … data-katex                      also render the page's TeX (\(…\), \[…\], $$…$$) with the KaTeX
//                                     in vendor/katex/ next to the script (loaded only when asked)
//   … data-katex="#post"              only inside the element matching that selector
//   … data-share                      widget state <-> URL hash, and a "copy link" button
//                                     (placed in [data-activation-share] if the page has one)
// window.activationWidgets = { version, baseUrl, ready(), elements, attributesOf(tag), unsafeValue(v),
//   renderMath(root), export: {plotToSVG, toCSV, tableToCSV, download}, share }.
import { defined, stopTracking } from './track-defines.js'; // must stay first
import '../widgets/all.js';
import * as engine from '../engine.js';
import { renderPageMath } from './page-math.js';
import { startIframeHost } from './iframe-host.js';
import { plotToSVG, toCSV, tableToCSV, download } from '../plot/export.js';
import { startShare, shareableAttributes, unsafeValue } from '../share.js';

/* global __awScript, __awBaseUrl */
const script = typeof __awScript !== 'undefined' ? __awScript : null;
const baseUrl = new URL('.', typeof __awBaseUrl !== 'undefined' ? __awBaseUrl : document.baseURI).href;
const opts = script ? script.dataset : {};
// Every element the files of widgets/all.js defined while this bundle ran (track-defines.js).
// tools/bundle.mjs's static list (__AW_ELEMENTS__, also in activation-widgets.json) is compared
// with it by the tests.
stopTracking();
const ELEMENTS = defined.slice();
/* global __AW_ELEMENTS__ */
const STATIC_ELEMENTS = typeof __AW_ELEMENTS__ !== 'undefined' ? __AW_ELEMENTS__ : [];

const api = {
  version: '1',
  baseUrl,
  ready: () => engine.ready(),
  // Names of the custom elements this bundle defines (every define of widgets/all.js).
  elements: ELEMENTS.slice(),
  staticElements: STATIC_ELEMENTS.slice(),
  // Attributes of element `tag` that links and embed.html may set (its observedAttributes minus
  // lang/id/class/style/on* and URL-valued ones); null for a tag this bundle does not define.
  attributesOf(tag) {
    const C = ELEMENTS.includes(tag) && customElements.get(tag);
    return C ? shareableAttributes({ constructor: C }) : null;
  },
  // True for a value links and embed.html refuse (too long, control characters, javascript:/data: URL).
  unsafeValue: (v) => unsafeValue(String(v)),
  renderMath: (root, o) => renderPageMath(baseUrl, root, o),
  // For pages and widgets: SVG text of a plot.js Plot, CSV of rows or of a <table>, save a file.
  export: { plotToSVG, toCSV, tableToCSV, download },
  share: null,
};
window.activationWidgets = api;

function whenDomReady(fn) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn, { once: true });
  else fn();
}

startIframeHost();
whenDomReady(() => {
  if (opts.katex !== undefined) {
    const sel = opts.katex.trim();
    let root = document.body;
    if (sel) {
      try { root = document.querySelector(sel) || document.body; } catch { root = document.body; }
    }
    renderPageMath(baseUrl, root).catch((e) => console.error(`activation-widgets: ${e.message}`));
  }
  if (opts.share !== undefined) api.share = startShare({ mount: document.querySelector('[data-activation-share]') });
});
