// plot/contours.js: marching squares, checked on fields whose contours are known exactly.
import test from 'node:test';
import assert from 'node:assert/strict';
import { contourSegments } from '../../web/js/plot/contours.js';

const field = (n, f) => Float64Array.from({ length: n * n }, (_, i) => f(i % n, Math.floor(i / n)));
const segments = (s) => Array.from({ length: s.length / 4 }, (_, k) => s.slice(4 * k, 4 * k + 4));

test('a field linear in x: one vertical segment per row of cells, at the level, exactly', () => {
  const n = 6, s = segments(contourSegments(field(n, (x) => 3 * x), n, 7.5)); // x = 2.5
  assert.equal(s.length, n - 1);
  s.forEach(([x0, y0, x1, y1], r) => {
    assert.deepEqual([x0, x1], [2.5, 2.5]);
    assert.deepEqual([Math.min(y0, y1), Math.max(y0, y1)], [r, r + 1]);
  });
});

test('a field linear in y with an offset: horizontal segments, interpolated between the samples', () => {
  const n = 5, s = segments(contourSegments(field(n, (x, y) => 2 * y - 1), n, 2)); // y = 1.5
  assert.equal(s.length, n - 1);
  for (const [x0, y0, x1, y1] of s) { assert.equal(y0, 1.5); assert.equal(y1, 1.5); assert.equal(Math.abs(x1 - x0), 1); }
});

test('a cone: every end point lies on the circle, and the segments close around it', () => {
  const n = 41, c = 20, R = 12.3, s = contourSegments(field(n, (x, y) => Math.hypot(x - c, y - c)), n, R);
  assert.ok(s.length / 4 > 60, `${s.length / 4} segments`);
  for (let k = 0; k < s.length; k += 2) {
    const d = Math.hypot(s[k] - c, s[k + 1] - c);
    assert.ok(Math.abs(d - R) < 0.05, `end point at distance ${d}`); // linear interpolation of a distance field
  }
  // closed: every end point is shared by exactly two segments
  const key = (x, y) => `${x.toFixed(9)},${y.toFixed(9)}`, count = new Map();
  for (let k = 0; k < s.length; k += 2) count.set(key(s[k], s[k + 1]), (count.get(key(s[k], s[k + 1])) || 0) + 1);
  for (const [p, m] of count) assert.equal(m, 2, `end point ${p} shared by ${m}`);
});

test('a saddle cell gives two segments joining adjacent edges; NaN, infinities and a level outside the field give none', () => {
  const s = segments(contourSegments([1, -1, -1, 1], 2, 0)); // a = 1 (0,0), b = -1 (1,0), d = -1 (0,1), e = 1 (1,1)
  assert.equal(s.length, 2);
  assert.deepEqual(s[0], [0.5, 0, 1, 0.5]); // bottom with right
  assert.deepEqual(s[1], [0.5, 1, 0, 0.5]); // top with left
  assert.deepEqual(contourSegments([NaN, 1, 1, 1], 2, 0.5), []);
  assert.deepEqual(contourSegments([Infinity, 0, 0, 0], 2, 0.5), []);
  assert.deepEqual(contourSegments(field(4, (x, y) => x + y), 4, 99), []);
  assert.deepEqual(contourSegments([], 0, 0), []);
});
