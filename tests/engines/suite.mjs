// One engine, every check of checks.mjs, as node:test tests named "<engine>: (n) …". Each engine has
// its own test file (chromium/firefox/webkit.test.mjs) so `node --test --test-concurrency=1
// tests/engines/` runs them one after another, each in its own process. An engine that cannot
// start fails its checks; nothing is skipped.
import { test, before, after } from 'node:test';
import { launchEngine } from './drivers.mjs';
import { startSite } from './site.mjs';
import { CHECKS, CSP } from './checks.mjs';

export function engineSuite(name) {
  let engine, site, cspSite;
  const log = (check) => (line) => console.log(`# ${name} ${check}: ${line}`);
  before(async () => {
    site = await startSite();
    cspSite = await startSite({ headers: { 'Content-Security-Policy': CSP } });
    const t0 = Date.now();
    engine = await launchEngine(name);
    console.log(`# ${name}: ${engine.version}, started in ${Date.now() - t0} ms`);
  });
  after(async () => {
    await engine?.close();
    await site?.close();
    await cspSite?.close();
  });
  for (const check of CHECKS) {
    test(`${name}: ${check.title}`, { timeout: check.timeout }, async () => {
      const t0 = Date.now();
      await check.run({ engine: name, page: engine.page, site, cspSite, log: log(check.id) });
      console.log(`# ${name} ${check.id}: passed in ${Date.now() - t0} ms`);
    });
  }
}
