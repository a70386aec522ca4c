// Lighthouse 12.2.3 (npm, pinned) with its mobile defaults (simulated slow 4G, 4× CPU slowdown,
// Moto G Power screen) on Debian's Chromium: --headless --no-sandbox --disable-gpu. One run per
// call; returns the four category scores and the metrics the issue quotes.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROME } from './common.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'node_modules/lighthouse/cli/index.js');

export async function lighthouse(url) {
  const args = [CLI, url, '--output=json', '--output-path=stdout', '--quiet',
    '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless --no-sandbox --disable-gpu'];
  const json = await new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { err += d; });
    p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`lighthouse exited ${code}: ${err.slice(-2000)}`))));
  });
  const lhr = JSON.parse(json);
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id) => Math.round(lhr.categories[id].score * 100);
  const num = (id) => lhr.audits[id]?.numericValue;
  const failing = Object.values(lhr.categories).flatMap((c) => c.auditRefs
    .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1 && c.id !== 'performance')
    .map((r) => `${c.id}:${r.id}`));
  const bootup = lhr.audits['mainthread-work-breakdown']?.details?.items || [];
  return {
    performance: score('performance'), accessibility: score('accessibility'),
    bestPractices: score('best-practices'), seo: score('seo'),
    fcp: num('first-contentful-paint'), lcp: num('largest-contentful-paint'), tbt: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'), tti: num('interactive'), si: num('speed-index'),
    dom: num('dom-size'), bytes: num('total-byte-weight'),
    mainThread: Object.fromEntries(bootup.map((b) => [b.group, Math.round(b.duration)])),
    failing,
    chrome: lhr.environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0],
  };
}
