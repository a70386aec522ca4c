// Formulas of the teaching page: every .math element typeset by KaTeX.
//
// dist/index.html arrives with its formulas already typeset (tools/prerender-math.mjs runs KaTeX at
// build time with exactly katexOptions() below), so a reader's browser neither downloads KaTeX's
// script (~76 KB gzip) nor spends main-thread time on ~220 formulas; only the stylesheet and fonts
// are needed. The unbuilt page (web/index.html) and any formula added later are typeset here, in
// the browser, after loadKatex() has fetched the script on demand.

// KaTeX's strict mode rejects non-LaTeX input. Our own formulas put words in \text{} and are
// held to 'error'. The post's original TeX (marked data-tex-source="post") writes Korean
// straight into math mode (`x<0일 때`); only that one deviation is tolerated, and only there.
export function katexOptions({ display = false, post = false } = {}) {
  return {
    displayMode: display,
    throwOnError: true,
    strict: post ? (code) => (code === 'unicodeTextInMathMode' ? 'ignore' : 'error') : 'error',
    trust: false,
    output: 'htmlAndMathml',
  };
}

const optionsFor = (el) => katexOptions({ display: el.classList.contains('display'), post: el.dataset.texSource === 'post' });

// Typeset already (at build time, or by an earlier call)?
export const isRendered = (el) => el.dataset.tex !== undefined && el.querySelector('.katex') !== null;

// Loads vendor/katex/katex.min.js once, from next to the page's katex.min.css. Resolves to KaTeX.
let loading = null;
export function loadKatex() {
  if (window.katex) return Promise.resolve(window.katex);
  if (!loading) {
    const css = document.querySelector('link[rel="stylesheet"][href$="katex.min.css"]');
    const src = new URL('katex.min.js', css ? css.href : new URL('vendor/katex/', document.baseURI)).href;
    loading = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = () => (window.katex ? resolve(window.katex) : reject(new Error(`${src} loaded but defined no katex`)));
      s.onerror = () => { loading = null; reject(new Error(`KaTeX could not be loaded from ${src}`)); };
      document.head.append(s);
    });
  }
  return loading;
}

// Renders one element; on failure shows the raw TeX marked as an error and reports it.
export function renderMath(el, katex = window.katex) {
  const tex = el.dataset.tex ?? el.textContent.trim();
  el.dataset.tex = tex;                       // keep the source (re-render, copy, tests)
  try {
    if (!katex) throw new Error('KaTeX is not loaded (call loadKatex() first)');
    katex.render(tex, el, optionsFor(el));
    el.classList.remove('math-error');
    return true;
  } catch (err) {
    el.textContent = tex;
    el.classList.add('math-error');
    el.title = String(err.message || err);
    console.error(`KaTeX could not render "${tex}": ${err.message || err}`);
    return false;
  }
}

// Renders every .math element not typeset yet, in slices of at most ~budgetMs, yielding to the
// event loop in between, so many formulas never make one long main-thread task. The reader's
// language comes first. KaTeX is fetched only when something is left to render. Resolves to the
// failure count.
export async function renderAllMath(root = document, { budgetMs = 12 } = {}) {
  const lang = document.documentElement.getAttribute('data-lang');
  const todo = [...root.querySelectorAll('.math')].filter((el) => !isRendered(el));
  if (!todo.length) return 0;
  let katex;
  try {
    katex = await loadKatex();
  } catch (err) {
    console.error(err.message);
    for (const el of todo) renderMath(el, null);
    return todo.length;
  }
  const shown = (el) => { const l = el.closest('[lang]:not(html)'); return !l || l.getAttribute('lang') === lang; };
  const ordered = [...todo.filter(shown), ...todo.filter((el) => !shown(el))];
  let failed = 0;
  let start = performance.now();
  for (const el of ordered) {
    if (!renderMath(el, katex)) failed += 1;
    if (performance.now() - start > budgetMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      start = performance.now();
    }
  }
  return failed;
}
