// The teaching page's own behaviour: its formulas (js/math.js), the language switch (with
// js/i18n.js, which already applied the initial language in <head>) and the table of contents
// (built from the section headings, with the current section highlighted).
// No innerHTML anywhere: text is copied with cloneNode/textContent.

import { loadKatex, renderMath, renderAllMath } from './math.js';

// ---- language switch -----------------------------------------------------------------------

const langApi = window.activationPageLang;

function currentLang() { return document.documentElement.getAttribute('data-lang') || 'ko'; }

function syncButtons() {
  const lang = currentLang();
  for (const b of document.querySelectorAll('[data-set-lang]')) {
    b.setAttribute('aria-pressed', String(b.dataset.setLang === lang));
  }
}

// Keeps a lang parameter already present in the URL in step with the choice, so a reload or a
// shared link shows what the reader sees now. Other query/hash parts are left untouched.
function syncUrl(lang) {
  const url = new URL(window.location.href);
  let changed = false;
  if (url.searchParams.has('lang')) { url.searchParams.set('lang', lang); changed = true; }
  const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
  if (hash.has('lang')) { hash.set('lang', lang); url.hash = hash.toString(); changed = true; }
  if (changed) history.replaceState(history.state, '', url);
}

export function setLanguage(lang, { remember = true } = {}) {
  if (!langApi || !langApi.valid(lang)) return currentLang();
  langApi.apply(lang);
  if (remember) langApi.remember(lang);
  syncButtons();
  syncUrl(lang);
  updateTocCurrent();
  document.dispatchEvent(new CustomEvent('languagechange', { detail: { lang } }));
  return lang;
}

function initLanguage() {
  syncButtons();
  for (const b of document.querySelectorAll('[data-set-lang]')) {
    b.addEventListener('click', () => setLanguage(b.dataset.setLang));
  }
  window.addEventListener('hashchange', () => {
    const lang = langApi && langApi.fromUrl(window.location);
    if (lang && lang !== currentLang()) setLanguage(lang, { remember: false });
  });
}

// ---- table of contents ---------------------------------------------------------------------

const WIDE = window.matchMedia('(min-width: 64rem)');
let tocLinks = [];
let activeId = null;

function buildToc() {
  const list = document.getElementById('toc-list');
  if (!list) return;
  const sections = [...document.querySelectorAll('main section[id]')].filter((s) => s.querySelector(':scope > h2'));
  tocLinks = sections.map((section) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `#${section.id}`;
    if (section.dataset.fn) a.dataset.fn = section.dataset.fn;
    for (const node of section.querySelector(':scope > h2').childNodes) a.append(node.cloneNode(true));
    a.addEventListener('click', () => { if (!WIDE.matches) a.closest('details').open = false; });
    li.append(a);
    list.append(li);
    return a;
  });
  const details = list.closest('details');
  const fit = () => { details.open = WIDE.matches; };
  fit();
  WIDE.addEventListener('change', fit);

  // Highlight the section whose top has passed 35 % of the viewport (the one being read).
  // A rAF-throttled scroll listener: 11 rectangles per frame at most, and exact after jumps.
  let queued = false;
  const spy = () => {
    queued = false;
    const line = window.innerHeight * 0.35;
    const passed = sections.filter((s) => s.getBoundingClientRect().top < line);
    setActive((passed.at(-1) || sections[0])?.id);
  };
  const queue = () => { if (!queued) { queued = true; requestAnimationFrame(spy); } };
  window.addEventListener('scroll', queue, { passive: true });
  window.addEventListener('resize', queue, { passive: true });
  queue();  // first highlight at the next frame: no forced layout while the widgets are being set up
}

function setActive(id) {
  if (!id || id === activeId) return;
  activeId = id;
  for (const a of tocLinks) {
    if (a.getAttribute('href') === `#${id}`) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  }
  updateTocCurrent();
}

// On narrow screens the collapsed contents bar shows where the reader is.
function updateTocCurrent() {
  const slot = document.querySelector('.toc-current');
  const link = tocLinks.find((a) => a.getAttribute('aria-current') === 'true');
  if (!slot || !link) return;
  const span = link.querySelector(`[lang="${currentLang()}"]`);
  slot.textContent = span ? `· ${span.textContent}` : '';
}

// ---- links to a section ------------------------------------------------------------------------

// A link to a section (index.html#selu, or the contents) is followed before the widgets above it
// have drawn; each grows as it draws, which pushed the section down by ~200 px (a contents link
// followed at 1.2 s: ~5000 px; after load, the widgets near where a link lands are built then:
// 290 px). Once every widget near it is ready and the lazy layout is over (or after 6 s), the
// section is brought back into view, unless the reader has scrolled or typed meanwhile, or
// followed another link.
// A widget is pending until it is ready or shows an error; one not defined yet (this file runs
// before the widgets' script) is pending too. Found once: this is polled while the page loads.
// Found by a selector that matches only them (not yet defined, or a tag the widgets' script
// registered): filtering all ~10,000 elements of <main> in JavaScript took 9-12 ms at load.
let pageWidgets = null;
const widgetsPending = () => {
  pageWidgets ??= [...document.querySelectorAll(['main :not(:defined)',
    ...(window.activationWidgets?.elements || []).map((tag) => `main ${tag}`)].join(', '))];
  return pageWidgets.some((e) => e.isConnected && !e.hasAttribute('ready') && !e.hasAttribute('error') && !e.deferred &&
    (e.shadowRoot || !customElements.get(e.localName))); // (a deferred widget waits to come near the screen)
};
const loading = () => widgetsPending() || document.documentElement.classList.contains('lazy-layout');
// A widget near the screen that has not been built yet (it is built once the scroll that brought
// it near pauses, ui/page-wide.js) will grow when it is: a link that just landed waits for it too.
const nearUnbuilt = () => (pageWidgets || []).some((e) => {
  if (!e.deferred || !e.isConnected) return false;
  const r = e.getBoundingClientRect();
  return r.bottom > -innerHeight && r.top < 2 * innerHeight;
});
let linkGeneration = 0;

function keepLinkedSectionInView() {
  let id = '';
  try { id = decodeURIComponent(window.location.hash.slice(1)); } catch { return; }
  const target = id && document.getElementById(id);
  if (!target) return;
  const generation = ++linkGeneration;
  let moved = false;
  const stop = () => { moved = true; };
  const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'];
  for (const t of events) window.addEventListener(t, stop, { passive: true, once: true });
  const started = performance.now();
  const check = () => {
    if (moved || generation !== linkGeneration) return;
    if ((loading() || nearUnbuilt()) && performance.now() - started < 6000) { setTimeout(check, 100); return; }
    for (const t of events) window.removeEventListener(t, stop);
    if (Math.abs(target.getBoundingClientRect().top - parseFloat(getComputedStyle(target).scrollMarginTop || '0')) > 2) target.scrollIntoView();
  };
  setTimeout(check, 100);
}

// ---- lazy layout -------------------------------------------------------------------------------

// i18n.js marks <html class="lazy-layout"> before the body is parsed, so the article's paragraphs,
// lists, display formulas and tables start with content-visibility: auto (page.css): while the
// widgets start, the browser lays out only the prose on screen (every widget ready ~0.2 s sooner
// on the test machine). Chromium leaves skipped content out of the accessibility tree, so once
// every widget is ready (or after 6 s) the lazy blocks are laid out for good in document order, as
// many per idle period as take about BATCH_MS (a whole section at once was a task of 200-600 ms on
// a phone-class CPU; one block per layout pass took seconds), then the class goes. A block's cost
// is its elements (a typeset formula is dozens of spans, a paragraph of text a few): a batch holds
// as many elements as BATCH_MS buys at the cost per element measured so far (batches counted in
// blocks overshot where formulas follow plain prose: 20-30 ms batches, long tasks at 4×).
// Moving through estimated heights lands off (a link to #selu: ~1000 px), and the browser's
// scroll anchoring did not hold the reader's place when sections changed height, so: any scroll
// or link to a place in the page ends the lazy layout at once, and every change keeps the first
// block at or below the top of the window where it was.
const BATCH_MS = 8;
function finishLazyLayout() {
  const root = document.documentElement;
  if (!root.classList.contains('lazy-layout')) return;
  const lazy = [...document.querySelectorAll('.article section > :is(p, ul, ol, .math.display, .table-wrap):not(:has(figure)), ' +
    '.article section > :is(ul, ol):has(figure) > li > :is(p, .math.display)')]; // page.css's lazy blocks
  const blocks = [...document.querySelectorAll('main section > *')];
  const place = () => blocks.find((b) => { const r = b.getBoundingClientRect(); return r.height > 0 && r.top >= 0; });
  const keepPlace = (change) => {
    const ref = place(), top = ref?.getBoundingClientRect().top;
    change();
    const moved = ref ? ref.getBoundingClientRect().top - top : 0; // lays the change out now
    if (Math.abs(moved) >= 0.5) window.scrollBy(0, moved);
  };
  const idle = (f) => (window.requestIdleCallback ? requestIdleCallback(f, { timeout: 250 }) : setTimeout(f, 20));
  let done = false;
  const end = () => {
    if (done) return;
    done = true;
    document.removeEventListener('click', onLink, true);
    window.removeEventListener('scroll', end);
    keepPlace(() => {
      root.classList.remove('lazy-layout');
      for (const x of document.querySelectorAll('.article .laid-out')) x.classList.remove('laid-out');
    });
  };
  // before the browser follows a link to a place in the page (capture: ahead of its scroll; the
  // composed path also finds links inside a widget's shadow root)
  const onLink = (e) => { if (e.composedPath().some((n) => n.matches?.('a[href^="#"]'))) end(); };
  document.addEventListener('click', onLink, true);
  window.addEventListener('scroll', end, { passive: true });
  // elements per idle period: a first guess, then BATCH_MS at the cost per element measured so far
  // (over all batches, or the last one's where that was dearer: the layout's cost per element
  // varies by half between sections, and a batch under budget is a cheap mistake)
  let spentMs = 0, laidElements = 0, allowed = 100;
  const weight = (b) => 4 + b.getElementsByTagName('*').length;
  const next = () => {
    if (done) return;
    if (!lazy.length) { end(); return; }
    const t0 = performance.now();
    let n = 0, w = 0;
    for (; n < lazy.length; n++) {
      const bw = weight(lazy[n]);
      if (n > 0 && w + bw > allowed) break;
      w += bw;
    }
    keepPlace(() => { for (const b of lazy.splice(0, n)) b.classList.add('laid-out'); }); // (lays them out)
    const ms = performance.now() - t0;
    spentMs += ms;
    laidElements += w;
    const perElement = Math.max(spentMs / laidElements, ms / w);
    allowed = Math.max(20, Math.min(2 * allowed, BATCH_MS / Math.max(perElement, 1e-3)));
    idle(next);
  };
  const started = performance.now();
  const wait = () => (widgetsPending() && performance.now() - started < 6000 ? setTimeout(wait, 100) : idle(next));
  wait();
}

// ---- start -----------------------------------------------------------------------------------

async function start() {
  initLanguage();
  buildToc();
  keepLinkedSectionInView();
  // (after load as well: the widgets near the place a link lands are built as it lands)
  window.addEventListener('hashchange', () => keepLinkedSectionInView());
  finishLazyLayout();
  const failed = await renderAllMath();
  document.documentElement.setAttribute('data-math', failed ? 'error' : 'ready');
}

// The same API whether this file runs as an ES module (web/) or as the bundled classic script
// (dist/js/page.classic.js); a second copy on the page does nothing.
if (!window.activationPage) {
  window.activationPage = Object.freeze({ renderMath, renderAllMath, loadKatex, setLanguage });
  start();
}
