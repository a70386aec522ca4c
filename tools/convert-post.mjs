// Rewrites a Jekyll post's static plot images into live widgets.
//
//   node tools/convert-post.mjs POST.md [OUT.md] [--manifest dist/activation-widgets.json | --elements a,b]
//
// Every <img src='…/img/NAME.png' …> whose NAME is in the mapping (tools/post-widgets.mjs) becomes
// that widget's tag, e.g. <activation-plot fn="sigmoid" show="f" data-replaces="/img/sigmoid.png">;
// other images are left byte for byte; inside $$…$$ a bare | becomes \vert (see protectMathPipes). The front matter gains
// `activation_widgets: true`, which makes the layout load the bundle (jekyll/_includes/…).
// Running it twice changes nothing. Without OUT the post is rewritten in place. A report goes to stderr.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { POST_IMAGES } from './post-widgets.mjs';

const IMG_RE = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTR_RE = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

// Attributes of one <img …> tag as a plain object (names lower-cased).
export function parseTag(tag) {
  const inner = tag.replace(/^<img\b/i, '').replace(/\/?>$/, '');
  const out = {};
  for (const m of inner.matchAll(ATTR_RE)) out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

const escapeAttr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function widgetTag({ tag, attrs }, src) {
  if (!/^[a-z][a-z0-9]*-[a-z0-9-]*$/.test(tag)) throw new Error(`not a custom element name: ${tag}`);
  const parts = Object.entries(attrs).map(([k, v]) => (v === '' ? k : `${k}="${escapeAttr(v)}"`));
  parts.push(`data-replaces="${escapeAttr(src)}"`);
  return `<${tag} ${parts.join(' ')}></${tag}>`;
}

// The image name a src refers to (`/img/sigmoid.png`, `{{ site.baseurl }}/img/sigmoid.png`, `img/…`), or null.
export function imageName(src) {
  const m = /(?:^|\/)img\/([\w.-]+\.png)(?:[?#].*)?$/i.exec(src.trim());
  return m ? m[1] : null;
}

function addFrontMatterFlag(text) {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!m) return `---\nactivation_widgets: true\n---\n${text}`;
  if (/^activation_widgets\s*:/m.test(m[1])) return text;
  const end = m.index + 3 + m[0].slice(3).indexOf('\n') + 1; // after the opening '---' line
  return `${text.slice(0, end)}activation_widgets: true\n${text.slice(end)}`;
}

// kramdown reads a line holding `|` as a table row before it looks for inline math, so the post's
// `$$|x|$$` became a table cell and a broken formula. Inside $$…$$ an unescaped | becomes `\vert `
// (the same glyph in TeX); `\|` (a norm) is left alone. Returns {text, count}.
export function protectMathPipes(text) {
  let count = 0;
  const out = text.replace(/\$\$([\s\S]*?)\$\$/g, (m, tex) => {
    const fixed = tex.replace(/(?<!\\)\|/g, () => { count++; return '\\vert '; });
    return `$$${fixed}$$`;
  });
  return { text: out, count };
}

// Returns {text, replaced: [{src, tag}], skipped: [src], pipes (formula pipes protected)}. `elements`: the tags the bundle defines
// (null = take each image's first candidate).
export function convertPost(text, { elements = null, mapping = POST_IMAGES } = {}) {
  const replaced = [], skipped = [];
  const body = text.replace(IMG_RE, (tag) => {
    const a = parseTag(tag);
    const name = a.src ? imageName(a.src) : null;
    const candidates = name && Object.hasOwn(mapping, name) ? mapping[name] : null;
    if (!candidates) { if (a.src) skipped.push(a.src); return tag; }
    const pick = candidates.find((c) => !elements || elements.includes(c.tag));
    if (!pick) { skipped.push(a.src); return tag; }
    replaced.push({ src: a.src, tag: pick.tag });
    return widgetTag(pick, a.src);
  });
  const fm = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/.exec(body);
  const head = fm ? fm[0] : '';
  const math = protectMathPipes(body.slice(head.length));
  const out = head + math.text;
  return { text: replaced.length ? addFrontMatterFlag(out) : out, replaced, skipped, pipes: math.count };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); if (i < 0) return null; const v = args[i + 1]; args.splice(i, 2); return v; };
  const manifest = opt('--manifest'), list = opt('--elements');
  const [input, output = input] = args;
  if (!input) {
    console.error('usage: node tools/convert-post.mjs POST.md [OUT.md] [--manifest dist/activation-widgets.json | --elements a,b]');
    process.exit(2);
  }
  const elements = manifest ? JSON.parse(fs.readFileSync(manifest, 'utf8')).elements : list ? list.split(',') : null;
  const r = convertPost(fs.readFileSync(input, 'utf8'), { elements });
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  fs.writeFileSync(output, r.text);
  for (const x of r.replaced) console.error(`  ${x.src} -> <${x.tag}>`);
  for (const s of r.skipped) console.error(`  left as is: ${s}`);
  console.error(`${path.basename(input)}: ${r.replaced.length} image(s) replaced, ${r.skipped.length} left, ${r.pipes} | in formulas written as \\vert`);
}
