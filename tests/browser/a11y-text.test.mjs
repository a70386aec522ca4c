// Screen readers, on the teaching page in Chromium: every chart canvas has a name and a one-sentence
// description that follows what is drawn (a slider changes it); the numbers show as a table on
// demand; an experiment's live regions speak its result once, not every frame; every control has
// an accessible name, in Korean and in English (read from Chromium's accessibility tree).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, screenshot } from './harness.mjs';
import { openPage } from './a11y-page.mjs';

let env, page;
before(async () => {
  env = await launch();
  page = await openPage(env, { lang: 'ko', width: 1280, height: 900 });
});
after(async () => { await env?.close(); });

const desc = (loc) => loc.evaluate((e) => {
  const c = e.shadowRoot.querySelector('canvas[role=img]');
  return { describedBy: c.getAttribute('aria-describedby'), text: e.shadowRoot.getElementById(c.getAttribute('aria-describedby'))?.textContent ?? '' };
});
const waitDesc = (loc, not) => loc.evaluate((e, old) => new Promise((resolve, reject) => {
  const t0 = performance.now();
  const poll = () => {
    const t = e.shadowRoot.getElementById('a11y-desc').textContent;
    if (t && t !== old) resolve(t); else if (performance.now() - t0 > 20000) reject(new Error(`description still ${old}`)); else setTimeout(poll, 50);
  };
  poll();
}), not);

// Records each new text of the widget's live regions (aria-live other than off, status, alert).
const listen = (loc) => loc.evaluate((e) => {
  e.__said = [];
  const live = [...e.shadowRoot.querySelectorAll('[aria-live]:not([aria-live=off]), [role=status], [role=alert]')];
  e.__obs = new MutationObserver(() => { for (const n of live) if (n.textContent.trim() && n.textContent !== n.__last) { n.__last = n.textContent; e.__said.push(n.textContent); } });
  for (const n of live) { n.__last = n.textContent; e.__obs.observe(n, { childList: true, subtree: true, characterData: true }); }
});
const heard = (loc) => loc.evaluate((e) => { e.__obs.disconnect(); return e.__said; });

test('a plot\'s description follows its slider', async () => {
  const plot = page.locator('activation-plot[fn="elu"]');
  const d0 = await desc(plot);
  assert.equal(d0.describedBy, 'a11y-desc');
  assert.match(d0.text, /ELU.*−?\d/);
  await plot.locator('input[type=range]').first().focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  const d1 = await waitDesc(plot, d0.text);
  assert.notEqual(d1, d0.text);
  console.log(`ELU: "${d0.text}" -> "${d1}"`);
});

test('an experiment: its description follows a slider, it speaks its result once, and shows its numbers as a table', async () => {
  const gf = page.locator('gradient-flow');
  await gf.scrollIntoViewIfNeeded();
  await gf.locator('button[name=reveal]').click(); // "just show me": no prediction
  await page.waitForFunction(() => document.querySelector('gradient-flow').hasAttribute('done'), null, { timeout: 120000 });
  const d0 = await desc(gf);
  assert.match(d0.text, /\d/, d0.text);
  // count what its live regions say while it runs again with another depth: first with its
  // prediction (the verdict says the result), then without (the widget's own live region does)
  await listen(gf);
  await gf.locator('input[name=depth]').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => !document.querySelector('gradient-flow').hasAttribute('done'));
  await page.waitForFunction(() => document.querySelector('gradient-flow').hasAttribute('done'), null, { timeout: 120000 });
  const d1 = await waitDesc(gf, d0.text);
  await page.waitForTimeout(800); // anything said late
  const said = await heard(gf);
  console.log(`gradient-flow: "${d1}"; live regions said ${said.length}: ${JSON.stringify(said)}`);
  assert.notEqual(d1, d0.text);
  assert.equal(said.filter((x) => /\d/.test(x)).length, 1, `the result is said once: ${JSON.stringify(said)}`);
  // without a prediction: the description itself, once
  await gf.evaluate((e) => e.setAttribute('predict', 'off'));
  await listen(gf);
  const d2 = await desc(gf);
  await gf.locator('input[name=depth]').focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => !document.querySelector('gradient-flow').hasAttribute('done'));
  await page.waitForFunction(() => document.querySelector('gradient-flow').hasAttribute('done'), null, { timeout: 120000 });
  await waitDesc(gf, d2.text);
  await page.waitForTimeout(800); // the description's last rewrite (throttled) and anything said late
  const d3 = (await desc(gf)).text;
  const said2 = await heard(gf);
  console.log(`predict="off": live regions said ${JSON.stringify(said2)}`);
  assert.deepEqual(said2, [d3], 'the final description, said once');

  // the numbers as a table, on demand
  const toggle = gf.locator('button[name=table]');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await toggle.textContent(), '표로 보기');
  assert.equal(await gf.locator('.datatable').isVisible(), false);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await toggle.textContent(), '표 닫기');
  const table = gf.locator('.datatable table');
  assert.ok(await table.isVisible(), 'the table shows');
  const cells = await table.locator('td').allTextContents();
  assert.ok(cells.length >= 10 && cells.every((c) => /\d/.test(c)), `numbers: ${cells.join(' ')}`);
  await screenshot(gf, 'a11y-table-gradient-flow');
  await toggle.click();
  assert.equal(await gf.locator('.datatable').isVisible(), false);
});

// Controls and charts of the accessibility tree: role, name, description.
async function axNodes() {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const ROLES = new Set(['button', 'slider', 'checkbox', 'radio', 'combobox', 'spinbutton', 'textbox', 'link', 'image', 'img', 'region']);
  return nodes.filter((n) => !n.ignored && ROLES.has(n.role?.value))
    .map((n) => ({ role: n.role.value, name: (n.name?.value ?? '').trim(), description: (n.description?.value ?? '').trim() }));
}

test('every control and chart has a name in both languages, and the names follow the language', async () => {
  const byLang = {};
  for (const lang of ['ko', 'en']) {
    await page.click(`.lang-switch button[data-set-lang="${lang}"]`);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.waitForTimeout(600);
    const nodes = await axNodes();
    byLang[lang] = nodes;
    const unnamed = nodes.filter((n) => !n.name);
    assert.deepEqual(unnamed, [], `${lang}: controls without a name`);
    const charts = nodes.filter((n) => n.role === 'image' || n.role === 'img');
    const undescribed = charts.filter((n) => !n.description);
    console.log(`${lang}: ${nodes.length} named controls and charts, ${charts.length} charts, ${undescribed.length} without a description`);
    // every widget canvas a reader can reach: all of them but those a prediction question still
    // conceals (inert until answered, so rightly out of the tree)
    const reachable = await page.evaluate(() => {
      let n = 0;
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.localName === 'canvas' && !el.closest('[inert]')) n++;
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return n;
    });
    assert.ok(reachable >= 15, `canvases outside concealed results: ${reachable}`);
    assert.equal(charts.length, reachable, `every reachable chart is in the tree as an image`);
    assert.deepEqual(undescribed.map((n) => n.name), [], `${lang}: charts without a description of what they show`);
  }
  const names = (lang, re) => byLang[lang].filter((n) => re.test(n.name)).length;
  assert.ok(names('ko', /^표로 보기$/) >= 4 && names('en', /^Show as table$/) === names('ko', /^표로 보기$/), 'the table toggles are named in each language');
  // Korean names left in English: only the switch to Korean and the page's bilingual labels ("… · …")
  const left = byLang.en.filter((n) => /[가-힣]/.test(n.name) && n.name !== '한국어' && !/[가-힣] · [A-Za-z]/.test(n.name));
  assert.deepEqual(left, [], 'no Korean names left in English');
  const hangul = names('ko', /[가-힣]/);
  assert.ok(hangul >= 100, `Korean names in Korean: ${hangul}`);
});
