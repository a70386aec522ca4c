// Every widget's text table (web/js/text/*.js) has the same keys in Korean and English, all the
// way down, and each value is of the same kind (a function takes the same number of arguments):
// a key in one language only would show a hole or a crash in the other.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TEXT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/js/text');
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

// Differences between two tables: key paths present in one only, or values of different kinds.
export function compareTables(a, b, at = '') {
  const out = [];
  const kind = (v) => (typeof v === 'function' ? `function/${v.length}` : Array.isArray(v) ? `array/${v.length}` : typeof v);
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const p = at ? `${at}.${k}` : k;
    if (!(k in a)) { out.push(`${p}: only in the second`); continue; }
    if (!(k in b)) { out.push(`${p}: only in the first`); continue; }
    if (kind(a[k]) !== kind(b[k])) out.push(`${p}: ${kind(a[k])} vs ${kind(b[k])}`);
    else if (a[k] && typeof a[k] === 'object') out.push(...compareTables(a[k], b[k], p));
  }
  return out;
}

// Every string in a table (functions called with placeholder arguments).
function strings(v, out = []) {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'function') { try { strings(v(...Array.from({ length: v.length }, (_, i) => `{${i}}`)), out); } catch { /* needs real arguments */ } }
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

const files = fs.readdirSync(TEXT_DIR).filter((f) => f.endsWith('.js')).sort();

test('there is a text table per widget, and common.js', () => {
  assert.ok(files.includes('common.js'));
  assert.ok(files.length >= 5, files.join(', '));
});

for (const f of files) {
  test(`${f}: the same keys in ko and en`, async () => {
    const table = (await import(pathToFileURL(path.join(TEXT_DIR, f)).href)).default;
    assert.deepEqual(Object.keys(table).sort(), ['en', 'ko']);
    assert.deepEqual(compareTables(table.ko, table.en), []);
  });
  test(`${f}: no Hangul in the English table`, async () => {
    const table = (await import(pathToFileURL(path.join(TEXT_DIR, f)).href)).default;
    assert.deepEqual(strings(table.en).filter((s) => HANGUL.test(s)), []);
  });
}

test('the comparison sees a key missing in one language, and a function of another arity', () => {
  assert.deepEqual(compareTables({ a: 1, b: { c: 'x' } }, { a: 1, b: {} }), ['b.c: only in the first']);
  assert.deepEqual(compareTables({ f: (x) => x }, { f: (x, y) => x + y }), ['f: function/1 vs function/2']);
});
