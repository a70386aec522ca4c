// export.js's CSV writer (no browser needed): RFC 4180 quoting, numbers as JavaScript prints them,
// non-finite values spelled out, and spreadsheet formula injection neutralised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toCSV } from '../../web/js/plot/export.js';

test('quoting, numbers and non-finite values', () => {
  assert.equal(toCSV([['id', 'loss'], ['relu', 0.125], ['tanh', NaN], ['big', Infinity], ['neg', -Infinity]]),
    'id,loss\r\nrelu,0.125\r\ntanh,NaN\r\nbig,Infinity\r\nneg,-Infinity\r\n');
  assert.equal(toCSV([['a,b', 'say "hi"', 'two\nlines', null, undefined]]), '"a,b","say ""hi""","two\nlines",,\r\n');
  assert.equal(toCSV([[1e-18, -0.5, 2]]), '1e-18,-0.5,2\r\n');
});

test('cells that a spreadsheet would run as formulas are prefixed with a quote; signed numbers are not', () => {
  assert.equal(toCSV([['=HYPERLINK("http://x")', '+1+1', '@SUM(A1)', '-2', '-2.5e-3', '+3', '-cmd']]),
    '"\'=HYPERLINK(""http://x"")",\'+1+1,\'@SUM(A1),-2,-2.5e-3,+3,\'-cmd\r\n');
});
