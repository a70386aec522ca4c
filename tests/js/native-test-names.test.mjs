// ctest (catch_discover_tests) splits a test name at ';': a Catch2 case whose name holds one is
// registered under a truncated name that matches no case, runs nothing and passes. No native test
// name may hold a ';'.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../native');
const NAME = /\b(TEST_CASE|SCENARIO|TEMPLATE_TEST_CASE)\s*\(\s*"((?:[^"\\]|\\.)*)"/g;

export function badNames(source) {
  return [...source.matchAll(NAME)].map((m) => m[2]).filter((n) => n.includes(';'));
}

test('the scan finds a name with a semicolon, and passes a clean one', () => {
  assert.deepEqual(badNames('TEST_CASE("a; b", "[x]") {}\nTEST_CASE("c, d") {}'), ['a; b']);
});

test('no native test name holds a semicolon', () => {
  const files = fs.readdirSync(DIR, { recursive: true }).filter((f) => f.endsWith('.cpp'));
  assert.ok(files.length >= 10, `native test files found: ${files.length}`);
  const bad = files.flatMap((f) => badNames(fs.readFileSync(path.join(DIR, f), 'utf8')).map((n) => `${f}: ${n}`));
  assert.deepEqual(bad, []);
});
