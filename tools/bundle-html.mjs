// HTML rewrites done while bundling (string level; the sources under web/ stay ES-module based).
import { createHash } from 'node:crypto';

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const MODULE_TAG = (src) => new RegExp(`<script\\s+type=["']module["']\\s+src=["']${escapeRe(src)}["']\\s*>\\s*</script>`);

// dist/index.html: the two ES modules become the two classic scripts, so the page also works when
// opened from disk (Chromium refuses module scripts from file://). The widgets come from the lean
// bundle (wasm in its own file; from disk it falls back to activations.js, see engine.js). `defer` keeps the document order
// (KaTeX, then the page script, then the widgets) that the module scripts had. data-share turns on
// the URL-hash state and the copy-link control (web/js/share.js).
export function rewriteIndexHtml(html) {
  const swaps = [
    ['js/page.js', '<script src="js/page.classic.js" defer></script>'],
    ['js/widgets/all.js', '<script src="activation-widgets.lean.js" defer data-share></script>'],
  ];
  for (const [src, classic] of swaps) {
    const re = MODULE_TAG(src);
    if (html.includes(classic)) continue; // rewritten already
    if (!re.test(html)) { // leave the page as it is (it still works over http); the file:// test will say so
      console.warn(`bundle: index.html has no <script type="module" src="${src}"></script> to switch to the classic bundle`);
      continue;
    }
    html = html.replace(re, classic);
  }
  return html;
}

// dist/index.html: its two stylesheets and its head script (js/i18n.js: the language, and the lazy
// layout's class, before the body is parsed) are put in the page itself. They are what the first
// paint waits for: inline, the page paints its first screen without three more requests. (With any
// of them a request, Lighthouse's Chromium often drew no frame for a second: largest contentful
// paint 2.9 s against 1.5 s.) Relative url(…)s are rebased from the stylesheet's folder to the
// page's (KaTeX's fonts: fonts/… → vendor/katex/fonts/…). A CSP without 'unsafe-inline' allows the
// script by its hash (inlineScriptHashes; ./build.sh prints it). `read(path)` reads a file of
// dist/; the files stay in dist/ for anyone who links them.
const LINK_TAG = (href) => new RegExp(`<link\\s+rel=["']stylesheet["']\\s+href=["']${escapeRe(href)}["']\\s*/?>`);
const CLASSIC_TAG = (src) => new RegExp(`<script\\s+src=["']${escapeRe(src)}["']\\s*>\\s*</script>`);
export function rebaseCssUrls(css, href) {
  const dir = href.includes('/') ? href.slice(0, href.lastIndexOf('/') + 1) : '';
  return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (all, q, url) => {
    if (/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(url)) return all; // absolute, data:, root-relative, fragment
    const parts = (dir + url).split('/'), out = [];
    for (const part of parts) { if (part === '..' && out.length && out.at(-1) !== '..') out.pop(); else if (part !== '.') out.push(part); }
    return `url(${q}${out.join('/')}${q})`;
  });
}
export function inlineIndexHead(html, read, { styles = ['vendor/katex/katex.min.css', 'css/page.css'], scripts = ['js/i18n.js'] } = {}) {
  for (const href of styles) {
    const re = LINK_TAG(href);
    if (!re.test(html)) throw new Error(`bundle: index.html links no ${href} to inline`);
    const css = rebaseCssUrls(read(href), href);
    if (/<\/style/i.test(css)) throw new Error(`bundle: ${href} contains "</style"`);
    html = html.replace(re, () => `<style data-href="${href}">${css}</style>`);
  }
  for (const src of scripts) {
    const re = CLASSIC_TAG(src);
    if (!re.test(html)) throw new Error(`bundle: index.html has no <script src="${src}"></script> to inline`);
    const js = read(src);
    if (/<\/script|<!--/i.test(js)) throw new Error(`bundle: ${src} contains "</script" or "<!--"`);
    html = html.replace(re, () => `<script data-src="${src}">${js}</script>`);
  }
  return html;
}

// The CSP sources ('sha256-…') of a page's inline scripts, for a script-src without 'unsafe-inline'.
export function inlineScriptHashes(html) {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
// The strict policy of the README ("Embed in your blog"), which the pages are tested under, with
// the hashes of `html`'s inline scripts (no html: the policy as the README gives it).
export const strictCsp = (html = '') =>
  `default-src 'self'; script-src ${["'self'", ...inlineScriptHashes(html), "'wasm-unsafe-eval'"].join(' ')}; style-src 'self' 'unsafe-inline'`;

// web/embed/embed.html lives one folder down (dist/embed/embed.html); dist/embed.html is the same
// page with its script and icon paths made relative to the dist root.
export function rewriteEmbedHtml(html) {
  return html.replace('src="../activation-widgets.js"', 'src="activation-widgets.js"').replace('href="../favicon.svg"', 'href="favicon.svg"');
}
