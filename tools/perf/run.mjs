// Page performance, measured and printed (never asserted: the machine is shared and noisy).
//   node tools/perf/run.mjs [--dist [NAME=]DIR]... [--runs N] [--only lighthouse,race,experiments,first] [--out FILE]
// lighthouse  Lighthouse 12.2.3 mobile defaults on index.html, the race in a blog post embedded
//             with one script (embed/race-post.html) and the race's module demo page
//             (embed/race.html), served compressed by tools/serve.mjs: the four scores,
//             FCP/LCP/TBT/CLS/TTI, DOM size, bytes
// race        the default ten-network race alone on a phone-sized page at 1× and 4× CPU slowdown,
//             trained in its worker and on the main thread (worker="off"): epochs/s and main-thread
//             tasks over 50 ms while it trains
// experiments each experiment widget alone on a phone-sized page at 1× and 4×, with its defaults:
//             main-thread tasks over 50 ms while it runs (from its first picture to its last result)
// first       a first visit of index.html at 1× and 4×, as a reader loads it (widgets built near
//             the screen) and with every widget built at once: time to those widgets ready and to
//             the prose laid out, long tasks, transfer size, DOM size (light DOM and shadow roots)
// Each is run N times (default 3) and quoted as median (min–max); raw runs go to --out (JSON,
// default build/perf.json). Several --dist (e.g. --dist before=/tmp/old --dist after=dist) are
// measured in turns, run by run, so a slow phase of the machine hits each of them alike.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, startBrowser, spread, machineLoad } from './common.mjs';
import { lighthouse } from './lighthouse.mjs';
import { raceRun } from './race.mjs';
import { firstVisit } from './first-visit.mjs';
import { experimentRun, EXPERIMENTS } from './experiments.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : def; };
const dists = argv.flatMap((a, i) => (a === '--dist' ? [argv[i + 1]] : [])).map((d) => {
  const m = /^([\w.-]+)=(.+)$/.exec(d);
  return m ? { name: m[1], dir: path.resolve(m[2]) } : { name: path.basename(path.resolve(d)), dir: path.resolve(d) };
});
if (!dists.length) dists.push({ name: 'dist', dir: path.resolve(process.env.DIST_DIR || path.join(ROOT, 'dist')) });
const runs = Number(opt('runs', 3));
const only = new Set(opt('only', 'lighthouse,race,experiments,first').split(','));
const out = opt('out', path.join(ROOT, 'build', 'perf.json'));
const LH_PAGES = [['index.html', ''], ['embed/race-post.html', 'embed/race-post.html'], ['embed/race.html', 'embed/race.html']];

const f0 = (x) => (x == null ? 'n/a' : Math.round(x).toString());
const f1 = (x) => (x == null ? 'n/a' : x.toFixed(1));
const f3 = (x) => (x == null ? 'n/a' : x.toFixed(3));
const sec = (x) => (x == null ? 'n/a' : `${(x / 1000).toFixed(2)} s`);
const kb = (x) => `${(x / 1024).toFixed(0)} KB`;
const col = (rows, k) => rows.map((r) => r[k]);
const log = (...a) => console.log(...a);
const tag = (d) => (dists.length > 1 ? `[${d.name}] ` : '');

// Runs fn(dist, i) `runs` times for every dist, in turns; returns {name: [results]}.
async function turns(label, fn) {
  const rows = Object.fromEntries(dists.map((d) => [d.name, []]));
  for (let i = 0; i < runs; i++) {
    for (const d of dists) {
      rows[d.name].push(await fn(d, i));
      process.stderr.write(`  ${label} ${tag(d)}run ${i + 1}/${runs} (${machineLoad()})\n`);
    }
  }
  return rows;
}

const result = { when: new Date().toISOString(), dists, runs, load: { before: machineLoad() } };
for (const d of dists) d.srv = await startServer(d.dir);
log(`perf: ${dists.map((d) => `${d.name}=${d.dir}`).join(', ')} served compressed; ${runs} runs each; ${machineLoad()}`);
try {
  if (only.has('lighthouse')) {
    result.lighthouse = {};
    for (const [page, p] of LH_PAGES) {
      const all = await turns(`lighthouse ${page}`, (d) => lighthouse(d.srv.base + p));
      result.lighthouse[page] = all;
      for (const d of dists) {
        const rows = all[d.name], r = rows[0];
        log(`${tag(d)}Lighthouse 12.2.3 mobile, ${page} (${r.chrome}):`);
        log(`  performance ${spread(col(rows, 'performance'))} · accessibility ${spread(col(rows, 'accessibility'))} · best practices ${spread(col(rows, 'bestPractices'))} · SEO ${spread(col(rows, 'seo'))}`);
        log(`  TBT ${spread(col(rows, 'tbt'), f0)} ms · TTI ${spread(col(rows, 'tti'), sec)} · CLS ${spread(col(rows, 'cls'), f3)} · LCP ${spread(col(rows, 'lcp'), sec)} · FCP ${spread(col(rows, 'fcp'), sec)} · SI ${spread(col(rows, 'si'), sec)}`);
        log(`  DOM ${spread(col(rows, 'dom'), f0)} elements · ${spread(col(rows, 'bytes'), kb)} over the wire · main thread (ms) ${JSON.stringify(r.mainThread)}`);
        const failing = [...new Set(rows.flatMap((x) => x.failing))];
        if (failing.length) log(`  failing audits (not performance): ${failing.join(' ')}`);
      }
    }
  }
  const { browser, close } = await startBrowser();
  try {
    if (only.has('race')) {
      result.race = {};
      // the race as it runs (in a worker over http), and its main-thread path (file://, CSP, worker="off")
      for (const [rate, worker] of [[1, true], [4, true], [1, false], [4, false]]) {
        const all = await turns(`race ${rate}×${worker ? '' : ' worker="off"'}`, (d) => raceRun(browser, d.srv.base, { rate, worker }));
        result.race[`${rate}x${worker ? '' : '-page'}`] = all;
        for (const d of dists) {
          const rows = all[d.name];
          log(`${tag(d)}race alone (trained in the ${rows[0].trainedIn ?? 'page'}), 412×915 DPR 2.6 touch, CPU ${rate}×, ${rows[0].nets} networks, ${f1(rows[0].seconds)} s each: ` +
            `${spread(col(rows, 'epochsPerSec'), f1)} epochs/s · tasks > 50 ms ${spread(col(rows, 'longTasks'))} · longest ${spread(col(rows, 'longestMs'))} ms`);
        }
      }
    }
    if (only.has('experiments')) {
      result.experiments = {};
      for (const rate of [1, 4]) {
        for (const [el, attrs] of EXPERIMENTS) {
          const name = attrs ? `${el} ${attrs}` : el;
          const all = await turns(`${name} ${rate}×`, (d) => experimentRun(browser, d.srv.base, { tag: el, attrs, rate }));
          result.experiments[`${name} ${rate}x`] = all;
          for (const d of dists) {
            const rows = all[d.name];
            log(`${tag(d)}<${name}> alone, 412×915 DPR 2.6 touch, CPU ${rate}×: runs ${spread(col(rows, 'runSeconds'), (x) => `${x.toFixed(1)} s`)} after its first picture · ` +
              `tasks > 50 ms meanwhile ${spread(col(rows, 'longTasks'))} · longest ${spread(col(rows, 'longestMs'))} ms`);
          }
        }
      }
    }
    if (only.has('first')) {
      result.first = {};
      for (const loading of ['near', 'eager']) {
        for (const rate of [1, 4]) {
          const all = await turns(`first visit ${loading} ${rate}×`, (d) => firstVisit(browser, d.srv.base, { rate, loading }));
          result.first[`${loading}-${rate}x`] = all;
          for (const d of dists) {
            const rows = all[d.name], r = rows[0];
            const what = loading === 'near' ? `as a reader loads it, ${r.built} of ${r.widgets} widgets built (near the first screen): those ready`
              : `every widget built at once (activationWidgetsLoading = 'eager'), ${r.widgets} widgets: all ready`;
            log(`${tag(d)}first visit index.html, 1280×900, CPU ${rate}×, ${what} ${spread(col(rows, 'last'), sec)} · prose laid out ${spread(col(rows, 'settled'), sec)} · ` +
              `tasks > 50 ms until then ${spread(col(rows, 'longTasks'))} · longest ${spread(col(rows, 'longestMs'))} ms`);
            if (rate === 1) log(`  transfer ${kb(r.transfer)} compressed + fonts ${kb(r.fontTransfer)} in ${r.requests} requests · DOM ${r.domLight} elements + ${r.domShadow} in shadow roots`);
          }
        }
      }
    }
  } finally { await close(); }
} finally {
  for (const d of dists) { await d.srv.close(); delete d.srv; }
}
result.load.after = machineLoad();
log(`done; ${machineLoad()}`);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify(result, null, 1));
log(`raw runs: ${out}`);
