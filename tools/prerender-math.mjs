// Build-time typesetting of dist/index.html's formulas (called by tools/bundle.mjs).
//
// Every <span class="math">TeX</span> / <div class="math display">TeX</div> of the page is run
// through the npm KaTeX with the very options the browser would use (katexOptions() of
// web/js/math.js) and its output put in place, with the source kept in data-tex. The page then
// needs KaTeX's stylesheet and fonts only: js/math.js sees every formula typeset and never fetches
// katex.min.js. A formula KaTeX rejects stops the build (the browser would show it as an error).
import fs from 'node:fs';
import katex from 'katex';

// web/js/math.js is an ES module in a package without "type": "module"; importing its text as a
// data: URL (always a module, and math.js imports nothing) avoids Node's reparse warning.
const MATH_JS = new URL('../web/js/math.js', import.meta.url);
const { katexOptions } = await import(`data:text/javascript,${encodeURIComponent(fs.readFileSync(MATH_JS, 'utf8'))}`);

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'", '&nbsp;': '\u00a0' };
function decode(text) {
  return text.replace(/&[#a-z0-9]+;/gi, (e) => {
    if (!(e in ENTITIES)) throw new Error(`prerender-math: entity ${e} inside a formula is not handled`);
    return ENTITIES[e];
  });
}
const attrEscape = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// A .math element whose content is plain text (no child elements): exactly what the page writes.
const MATH = /<(span|div)(\s[^>]*?\bclass="math(?: display)?"[^>]*)>([^<]*)<\/\1>/g;

// Returns { html, count }. Elements already typeset (they contain markup) are not matched.
export function prerenderMath(html) {
  let count = 0;
  const out = html.replace(MATH, (whole, tag, attrs, body) => {
    if (/\sdata-tex=/.test(attrs)) return whole;
    const tex = decode(body).trim();
    const opts = katexOptions({ display: /class="math display"/.test(attrs), post: /\sdata-tex-source="post"/.test(attrs) });
    let rendered;
    try {
      rendered = katex.renderToString(tex, opts);
    } catch (err) {
      throw new Error(`prerender-math: KaTeX rejected "${tex}": ${err.message}`);
    }
    count += 1;
    return `<${tag}${attrs} data-tex="${attrEscape(tex)}">${rendered}</${tag}>`;
  });
  return { html: out, count };
}
