// HTML rewrites done while bundling (string level; the sources under web/ stay ES-module based).

const MODULE_TAG = (src) => new RegExp(`<script\\s+type=["']module["']\\s+src=["']${src.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}["']\\s*>\\s*</script>`);

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

// web/embed/embed.html lives one folder down (dist/embed/embed.html); dist/embed.html is the same
// page with its script and icon paths made relative to the dist root.
export function rewriteEmbedHtml(html) {
  return html.replace('src="../activation-widgets.js"', 'src="activation-widgets.js"').replace('href="../favicon.svg"', 'href="favicon.svg"');
}
