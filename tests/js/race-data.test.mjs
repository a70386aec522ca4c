// The race's own-data parsing (web/js/widgets/race/data.js) and its presets, without a browser:
// the points attribute and CSV (header optional) parse to the same points and write back the same
// text; every bad input throws a message naming the point and the problem in both languages; a
// file's size is refused before it is read; every preset names only valid attribute values.
import test from 'node:test';
import assert from 'node:assert/strict';
import { parsePoints, parseCSV, readCSVFile, toAttr, toCSV, MAX_FILE_BYTES } from '../../web/js/widgets/race/data.js';
import { PRESETS } from '../../web/js/widgets/race/presets.js';
import { parseRaceAttrs } from '../../web/js/widgets/race/attrs.js';
import TEXT from '../../web/js/text/activation-race.js';

const ATTR = '0.5,-0.25,1;-1,1,0;0,0,1;0.125,-0.75,0';

test('attribute and CSV give the same points and write back the same text', () => {
  const a = parsePoints(ATTR);
  assert.deepEqual(a[0], { x: 0.5, y: -0.25, c: 1 });
  assert.equal(toAttr(a), ATTR);
  const csv = toCSV(a);
  assert.equal(csv.split('\n')[0], 'x,y,label');
  assert.deepEqual(parseCSV(csv), a, 'with its header');
  assert.deepEqual(parseCSV(csv.split('\n').slice(1).join('\r\n')), a, 'without a header, CRLF lines');
  assert.deepEqual(parsePoints(`${ATTR};`), a, 'a trailing ; is fine');
});

test('every bad input names the point and the problem, in Korean and English', () => {
  const cases = [
    [() => parsePoints(null), /points=/, /points=/],
    [() => parsePoints('0,0,0;0,x,1;1,1,0;0.5,0.5,1'), /point 2: y="x" is not a number/, /2번째 점: y="x"는 숫자가 아닙니다/],
    [() => parsePoints('0,0,0;0,1.01,1;1,1,0;0.5,0.5,1'), /point 2: y="1.01" is outside \[−1, 1\]/, /범위를 벗어났습니다/],
    [() => parsePoints('0,0,0;0,1,1;1,1,0;0.5,0.5,-1'), /point 4: label="-1" must be 0 or 1/, /0 또는 1이어야/],
    [() => parsePoints('0,0,1;0,1,1;1,1,1;0.5,0.5,1'), /every point is class 1/, /모든 점이 클래스 1/],
    [() => parsePoints('0,0,1;0,1,0;1,1,1'), /only 3 points; a race needs at least 4/, /점이 3개뿐입니다/],
    [() => parsePoints(Array.from({ length: 2001 }, (_, i) => `0,0,${i % 2}`).join(';')), /2001 points; at most 2000/, /최대 2000개/],
    [() => parseCSV('x,y,label\n0,0\n'), /point 2: expected three values/, /세 값이어야/],
    [() => parsePoints('0,0,0;0,NaN,1;1,1,0;0.5,0.5,1'), /"NaN" is not a number/, /숫자가 아닙니다/],
    [() => parsePoints('0,0,0;0,1e400,1;1,1,0;0.5,0.5,1'), /outside/, /벗어났습니다/],
  ];
  for (const [fn, en, ko] of cases) {
    let err;
    try { fn(); } catch (e) { err = e; }
    assert.ok(err, `throws: ${en}`);
    assert.match(err.text('en'), en);
    assert.match(err.text('ko'), ko);
  }
});

test('a file over the limit is refused by its size, unread', async () => {
  let read = false;
  const huge = { size: 50 * 1024 * 1024, text: async () => { read = true; return ''; } };
  await assert.rejects(readCSVFile(huge), (e) => /the file is 50\.0 MB/.test(e.text('en')) && /50\.0 MB입니다/.test(e.text('ko')));
  assert.equal(read, false, 'text() was never called');
  const ok = { size: MAX_FILE_BYTES - 1, text: async () => 'x,y,label\n0,0,0\n1,1,1\n0.5,0,0\n0,0.5,1\n' };
  assert.equal((await readCSVFile(ok)).length, 4);
});

test('every preset parses, sets every control, and has its sentence in both languages', () => {
  const ids = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'rrelu', 'prelu', 'elu', 'selu', 'maxout', 'softplus', 'silu', 'gelu', 'gelu_tanh', 'mish', 'hardswish'];
  const keys = Object.keys(PRESETS[Object.keys(PRESETS)[0]]).sort();
  for (const [id, p] of Object.entries(PRESETS)) {
    assert.deepEqual(Object.keys(p).sort(), keys, `${id} covers the same controls`);
    // (worker says where to train, not what: no preset sets it)
    const c = parseRaceAttrs({ getAttribute: (n) => (n === 'preset' ? id : n === 'worker' ? null : 'garbage that the preset overrides') }, ids);
    assert.equal(c.preset, id);
    assert.equal(c.activations.join(','), p.activations);
    for (const lang of ['ko', 'en']) {
      const t = TEXT[lang].presets[id];
      assert.ok(t && t.name && t.look.length > 40, `${id} ${lang}`);
    }
  }
});
