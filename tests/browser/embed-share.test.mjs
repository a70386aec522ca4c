// Shareable state on the teaching page (dist/index.html, bundle loaded with data-share): widget
// changes made through their own controls land in the URL hash, the copy-link button copies that
// URL, opening it restores every widget, and hostile hash entries stay text / are ignored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './harness.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const PLOTS_READY = () => {
  const els = [...document.querySelectorAll('activation-plot, activation-race')];
  return els.length > 0 && els.every((e) => e.hasAttribute('ready') || e.hasAttribute('error'));
};

async function open(hash = '') {
  const page = await env.newPage({ width: 1280, height: 900 });
  await page.goto(`${env.baseUrl}${hash}`);
  await page.waitForFunction(PLOTS_READY, null, { timeout: 60000 });
  await page.waitForFunction(() => window.activationWidgets && window.activationWidgets.share, null, { timeout: 10000 });
  return page;
}

// The link key the page gives a widget: its tag and 1-based position among elements of that tag.
const keyOf = (page, selector) => page.evaluate((sel) => {
  const el = document.querySelector(sel);
  return `${el.localName}-${[...document.querySelectorAll(el.localName)].indexOf(el) + 1}`;
}, selector);

test('changes through the widgets\' own controls round-trip through the URL hash and the copy-link button', async () => {
  const page = await open();
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.baseUrl });
  const elu = await keyOf(page, 'activation-plot[fn="elu"]');
  const sig = await keyOf(page, 'activation-plot[fn="sigmoid"]');
  // ELU alpha slider -> 0.35 (the widget reflects it to alpha="0.35"); sigmoid: log |f'| on
  await page.locator('activation-plot[fn="elu"] input[name="alpha"]').evaluate((input) => {
    input.value = '0.35';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.locator('activation-plot[fn="sigmoid"] input[name="log-df"]').check();
  // the race's settings are attributes too (its own controls reflect them)
  await page.evaluate(() => document.querySelector('activation-race').setAttribute('dataset', 'xor'));
  await page.waitForFunction(() => /dataset=xor/.test(location.hash));
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, new RegExp(`${elu}\\.alpha=0\\.35`));
  assert.match(hash, new RegExp(`${sig}\\.log-df=`));
  assert.match(hash, /activation-race-1\.dataset=xor/);
  assert.doesNotMatch(hash, /\.fn=/, 'only what differs from the page is in the link');

  // copy link: the clipboard holds the page URL with that hash
  await page.locator('activation-share-control button').click();
  await page.waitForFunction(() => document.querySelector('activation-share-control').shadowRoot.querySelector('[role=status]').textContent !== '');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.evaluate(() => location.href));
  assert.ok(copied.endsWith(hash));

  // open the link in a fresh page: the same view
  const again = await open(copied.slice(env.baseUrl.length));
  const state = await again.evaluate(() => ({
    elu: document.querySelector('activation-plot[fn="elu"]').params,
    eluSlider: document.querySelector('activation-plot[fn="elu"]').shadowRoot.querySelector('input[name="alpha"]').value,
    sigLog: document.querySelector('activation-plot[fn="sigmoid"]').shadowRoot.querySelector('input[name="log-df"]').checked,
    sigPanels: document.querySelector('activation-plot[fn="sigmoid"]').plotLayout.panels.length,
    race: document.querySelector('activation-race').getAttribute('dataset'),
  }));
  assert.deepEqual(state, { elu: { alpha: 0.35 }, eluSlider: '0.35', sigLog: true, sigPanels: 2, race: 'xor' });

  // turning log |f'| off again removes the entry; a link with -key.attr removes an attribute
  await again.locator('activation-plot[fn="sigmoid"] input[name="log-df"]').uncheck();
  await again.waitForFunction((k) => !location.hash.includes(`${k}.log-df`), sig);
  const removal = await open(`#-${sig}.show&${elu}.alpha=2`);
  assert.deepEqual(await removal.evaluate(() => document.querySelector('activation-plot[fn="elu"]').params), { alpha: 2 });
  assert.deepEqual([page.errors, again.errors, removal.errors], [[], [], []]);
  await Promise.all([page.close(), again.close(), removal.close()]);
});

test('a link also restores the experiment widgets\' settings (keys are their ids)', async () => {
  const page = await open('#zigzag-descent.lr=0.3&leaky-alpha.seed=7');
  await page.waitForFunction(() => document.getElementById('zigzag-descent').hasAttribute('ready'), null, { timeout: 60000 });
  const r = await page.evaluate(() => ({
    lr: document.getElementById('zigzag-descent').getAttribute('lr'),
    slider: document.getElementById('zigzag-descent').shadowRoot.querySelector('input[type="range"]').value,
    seed: document.getElementById('leaky-alpha').getAttribute('seed'),
    rejected: window.activationWidgets.share.rejected,
  }));
  assert.deepEqual(r, { lr: '0.3', slider: '0.3', seed: '7', rejected: [] });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('hostile hash entries: values stay text inside the widget, unknown keys and attributes are ignored', async () => {
  const payload = '"><img src=x onerror=window.__pwned=1>';
  const page = await env.newPage();
  await page.goto(`${env.baseUrl}#activation-plot-2.fn=${encodeURIComponent(payload)}&activation-plot-3.onclick=${encodeURIComponent('window.__pwned=1')}`
    + `&activation-plot-4.style=display:none&nosuch-9.fn=relu&activation-plot-5.alpha=${encodeURIComponent('<script>window.__pwned=1</script>')}`
    + `&activation-plot-6.xmin=${'9'.repeat(300)}&activation-plot-7.constructor=x&activation-plot-7.__proto__=x&lang=en`);
  await page.waitForFunction(PLOTS_READY, null, { timeout: 60000 });
  const r = await page.evaluate(() => {
    const plots = [...document.querySelectorAll('activation-plot')];
    return {
      p2: { error: plots[1].hasAttribute('error'), text: plots[1].shadowRoot.querySelector('.error').textContent, imgs: plots[1].shadowRoot.querySelectorAll('img').length },
      p3: plots[2].getAttribute('onclick'), p4: plots[3].getAttribute('style'),
      p5: { error: plots[4].hasAttribute('error'), text: plots[4].shadowRoot.querySelector('.error').textContent },
      p6: plots[5].getAttribute('xmin'), p7: plots[6].getAttributeNames().filter((n) => /constructor|proto/.test(n)),
      rejected: window.activationWidgets.share.rejected.length,
      pwned: window.__pwned, imgs: document.querySelectorAll('img').length,
    };
  });
  assert.ok(r.p2.error);
  assert.ok(r.p2.text.includes('<img src=x onerror='), 'the payload is shown as text');
  assert.equal(r.p2.imgs, 0);
  assert.equal(r.p3, null, 'on* attributes never set');
  assert.equal(r.p4, null, 'style never set');
  assert.ok(r.p5.error && r.p5.text.includes('<script>'));
  assert.equal(r.p6, null, 'over-long value ignored');
  assert.deepEqual(r.p7, [], 'names inherited from Object.prototype are not attributes of the whitelist');
  assert.equal(r.rejected, 6);
  assert.equal(r.pwned, undefined);
  assert.equal(r.imgs, 0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// Moves one control inside a widget's shadow root the way a reader does (value + input + change).
const move = (page, selector, control, value) => page.evaluate(([sel, ctl, v]) => {
  const input = document.querySelector(sel).shadowRoot.querySelector(ctl);
  if (input.type === 'checkbox') input.checked = v; else input.value = v;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}, [selector, control, value]);

test('every experiment widget\'s controls reach the URL hash and a reload of the link restores them', async () => {
  const page = await open();
  // the widgets must configure (engine ready) before their controls exist
  await page.waitForFunction(() => ['universal-approximation', 'gradient-flow', 'dead-neurons', 'self-normalization', 'zigzag-descent', 'leaky-compare', 'activation-guide']
    .every((t) => document.querySelector(t)?.shadowRoot.querySelector('input, select')), null, { timeout: 60000 });
  await page.evaluate(() => { window.__ctl = []; document.addEventListener('change', (e) => { if (e.detail?.control || e.detail?.dataset || e.detail?.answers) window.__ctl.push(e.target.localName); }); });
  // reflecting must not reconfigure: a reconfigure rebuilds the controls (and zigzag's panels), losing these marks
  const MARKED = ['universal-approximation', 'gradient-flow', 'dead-neurons', 'self-normalization', '#zigzag-descent', '#leaky-alpha', '#activation-guide'];
  await page.evaluate((sels) => sels.forEach((s) => { const r = document.querySelector(s).shadowRoot; r.querySelector('input, select').__mark = 1; const c = r.querySelector('canvas'); if (c) c.__mark = 1; }), MARKED);
  await move(page, 'universal-approximation', 'input[name=units]', '20');
  await move(page, 'universal-approximation', 'select[name=target]', 'abs');
  await move(page, 'gradient-flow', 'input[name=depth]', '6');
  await move(page, 'dead-neurons', 'input[name=lr]', '-1.5'); // the slider holds log10(lr)
  await move(page, 'dead-neurons', 'input[name=bias]', '0.5');
  await move(page, 'self-normalization', 'input[name=skip]', true);
  await move(page, '#zigzag-descent', 'input[name=lr]', '0.75');
  await move(page, '#leaky-alpha', 'select[name=dataset]', 'spiral');
  await move(page, '#activation-guide', 'input[name=speed]', true);
  const want = ['universal-approximation-1.units=20', 'universal-approximation-1.target=abs', 'gradient-flow-1.depth=6', 'dead-neurons-1.lr=0.0316',
    'dead-neurons-1.bias-init=0.5', 'self-normalization-1.skip=', 'zigzag-descent.lr=0.75', 'leaky-alpha.dataset=spiral', 'activation-guide.speed=true'];
  await page.waitForFunction((w) => w.every((e) => location.hash.includes(e)), want, { timeout: 5000 }).catch(() => {});
  const hash = await page.evaluate(() => location.hash);
  for (const w of want) assert.ok(hash.includes(w), `${w} in ${hash}`);
  const kept = await page.evaluate((sels) => sels.filter((s) => { const r = document.querySelector(s).shadowRoot, c = r.querySelector('canvas');
    return r.querySelector('input, select').__mark === 1 && (!c || c.__mark === 1); }), MARKED);
  assert.deepEqual(kept, MARKED, 'controls and canvases kept (no reconfigure)');
  const fired = await page.evaluate(() => [...new Set(window.__ctl)].sort());
  assert.deepEqual(fired, ['activation-guide', 'dead-neurons', 'gradient-flow', 'leaky-compare', 'self-normalization', 'universal-approximation', 'zigzag-descent']);

  const again = await open(hash);
  await again.waitForFunction(() => document.querySelector('dead-neurons')?.shadowRoot.querySelector('input[name=lr]')
    && document.querySelector('#activation-guide')?.shadowRoot.querySelector('input[name=speed]'), null, { timeout: 60000 });
  const state = await again.evaluate(() => {
    const q = (sel, ctl) => { const i = document.querySelector(sel).shadowRoot.querySelector(ctl); return i.type === 'checkbox' ? i.checked : i.value; };
    return {
      units: q('universal-approximation', 'input[name=units]'), target: q('universal-approximation', 'select[name=target]'),
      depth: q('gradient-flow', 'input[name=depth]'), lr: q('dead-neurons', 'input[name=lr]'), bias: q('dead-neurons', 'input[name=bias]'),
      skip: q('self-normalization', 'input[name=skip]'), zlr: q('#zigzag-descent', 'input[name=lr]'),
      dataset: q('#leaky-alpha', 'select[name=dataset]'), speed: q('#activation-guide', 'input[name=speed]'),
      rejected: window.activationWidgets.share.rejected,
    };
  });
  assert.deepEqual(state, { units: '20', target: 'abs', depth: '6', lr: '-1.5', bias: '0.5', skip: true, zlr: '0.75', dataset: 'spiral', speed: true, rejected: [] });
  assert.deepEqual([page.errors, again.errors], [[], []]);
  await Promise.all([page.close(), again.close()]);
});
