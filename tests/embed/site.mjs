// Helpers for the embed tests: find the post, build a throw-away Jekyll site around it with the
// widgets in place of its images (jekyll/ skeleton + tools/convert-post.mjs + the built bundle).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { convertPost } from '../../tools/convert-post.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.resolve(process.env.DIST_DIR || path.join(ROOT, 'dist'));
export const POST_NAME = '2020-07-09-activation-functions.md';

// The user's post: ../shared/post/ beside the repository (as in CI), else the committed copy.
export function findPost() {
  const candidates = [
    process.env.POST_FILE,
    path.join(path.dirname(ROOT), 'shared/post', POST_NAME),
    path.join(ROOT, '../../shared/post', POST_NAME),
    path.join(ROOT, 'tests/embed/fixtures', POST_NAME),
  ].filter(Boolean);
  const found = candidates.find((f) => fs.existsSync(f));
  if (!found) throw new Error(`post not found; looked in ${candidates.join(', ')}`);
  return found;
}

// Formulas the post writes: $$…$$ pairs in its body (front matter excluded). Counted from the
// markdown source, independently of kramdown and KaTeX.
export function countPostFormulas(markdown) {
  const body = markdown.replace(/^---[\s\S]*?\n---\s*\n/, '');
  const n = body.split('$$').length - 1;
  if (n % 2) throw new Error('unbalanced $$ in the post');
  return n / 2;
}

export function bundleManifest() {
  const f = path.join(DIST, 'activation-widgets.json');
  if (!fs.existsSync(f)) throw new Error(`${f} missing: run ./build.sh first`);
  return JSON.parse(fs.readFileSync(f, 'utf8'));
}

// Copies the bundle and the vendored KaTeX (what a blog author copies) into `dir`.
export function copyBundle(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(DIST, 'activation-widgets.js'), path.join(dir, 'activation-widgets.js'));
  fs.cpSync(path.join(DIST, 'vendor'), path.join(dir, 'vendor'), { recursive: true });
}

// Builds the site; returns {site, out, postHtml (path inside out), converted, ms}.
export function buildJekyllSite(postFile = findPost()) {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'jekyll-post-'));
  fs.cpSync(path.join(ROOT, 'jekyll'), site, { recursive: true });
  const { elements } = bundleManifest();
  const converted = convertPost(fs.readFileSync(postFile, 'utf8'), { elements });
  fs.mkdirSync(path.join(site, '_posts'), { recursive: true });
  fs.writeFileSync(path.join(site, '_posts', POST_NAME), converted.text);
  copyBundle(path.join(site, 'assets/activation-widgets'));
  fs.writeFileSync(path.join(site, 'index.html'), '---\nlayout: default\ntitle: posts\n---\n<ul>{% for p in site.posts %}<li><a href="{{ p.url | relative_url }}">{{ p.title }}</a></li>{% endfor %}</ul>\n');
  const out = path.join(site, '_site');
  const t0 = Date.now();
  try {
    execFileSync('jekyll', ['build', '--source', site, '--destination', out, '--quiet', '--safe'], {
      stdio: ['ignore', 'pipe', 'pipe'], timeout: 120000, env: { ...process.env, JEKYLL_ENV: 'production', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    });
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error("jekyll not found: Debian's jekyll package is needed (./build.sh setup installs it)");
    throw new Error(`jekyll build failed: ${e.stderr || e.message}`);
  }
  const ms = Date.now() - t0;
  const postHtml = path.join(out, '2020/07/09/activation-functions.html');
  if (!fs.existsSync(postHtml)) throw new Error(`jekyll did not write ${postHtml}`);
  return { site, out, postHtml, converted, ms };
}
