// Renders a host page's own TeX with the KaTeX vendored next to the bundle (vendor/katex/ under the
// script's folder): the delimiters kramdown emits for $$…$$ (\(…\) inline, \[…\] display) and $$…$$
// itself (raw HTML pages). Loaded only when the script tag asks for it (data-katex); nothing from
// a CDN. Sets <html data-activation-math="ready|error"> and fires `activation-math` on document
// with {detail: {rendered, failed}} when done, so pages and tests can wait for it.

const loaded = new Map(); // url -> Promise, so two calls never add a script twice

function addOnce(url, make) {
  if (!loaded.has(url)) {
    loaded.set(url, new Promise((resolve, reject) => {
      const el = make(url);
      el.addEventListener('load', () => resolve(), { once: true });
      el.addEventListener('error', () => reject(new Error(`could not load ${url}`)), { once: true });
      document.head.append(el);
    }));
  }
  return loaded.get(url);
}

const script = (url) => Object.assign(document.createElement('script'), { src: url, async: false });
const sheet = (url) => Object.assign(document.createElement('link'), { rel: 'stylesheet', href: url });

// KaTeX's strict mode rejects non-LaTeX input; blog posts (this one included) write Korean straight
// into math mode (`x<0일 때`). Only that deviation is tolerated; anything else still warns.
export function strict(code) { return code === 'unicodeTextInMathMode' ? 'ignore' : 'warn'; }

export const DELIMITERS = [
  { left: '$$', right: '$$', display: true },
  { left: '\\[', right: '\\]', display: true },
  { left: '\\(', right: '\\)', display: false },
];

// KaTeX's files are UMD: on a host page with CommonJS/AMD globals (RequireJS, a `module` global)
// they would register there instead of defining window.katex. Hide those globals while they load.
async function withoutModuleGlobals(load) {
  const names = ['define', 'module', 'exports'], saved = {};
  for (const n of names) { if (n in window) { saved[n] = window[n]; try { window[n] = undefined; } catch { /* read-only */ } } }
  try { return await load(); } finally {
    for (const n of Object.keys(saved)) { try { window[n] = saved[n]; } catch { /* read-only */ } }
  }
}

export async function renderPageMath(baseUrl, root = document.body, { katexPath = 'vendor/katex/' } = {}) {
  const dir = new URL(katexPath, baseUrl).href;
  await withoutModuleGlobals(async () => {
    if (!globalThis.katex) await Promise.all([addOnce(`${dir}katex.min.css`, sheet), addOnce(`${dir}katex.min.js`, script)]);
    if (!globalThis.renderMathInElement) await addOnce(`${dir}contrib/auto-render.min.js`, script);
  });
  let failed = 0;
  globalThis.renderMathInElement(root, {
    delimiters: DELIMITERS,
    throwOnError: true,
    strict,
    trust: false,
    output: 'htmlAndMathml',
    ignoredTags: ['script', 'noscript', 'style', 'textarea', 'pre', 'code', 'option'], // widgets: shadow DOM, never entered
    errorCallback: (msg, err) => { failed += 1; console.error(`KaTeX: ${msg} ${err && err.message ? err.message : ''}`); },
  });
  const rendered = root.querySelectorAll('.katex').length;
  document.documentElement.setAttribute('data-activation-math', failed ? 'error' : 'ready');
  document.dispatchEvent(new CustomEvent('activation-math', { detail: { rendered, failed } }));
  return { rendered, failed };
}
