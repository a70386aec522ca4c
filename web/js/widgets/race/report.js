// The race's words and numbers on the page (the text job of activation-race.js):
// the results table, each boundary's score and description, why a network diverged, the status
// line and the one-sentence text alternative. `w` is the <activation-race>.
import { h } from '../../ui/kit.js';
import { tableCells, fmt, pct } from './draw.js';
import { buildDiverge } from './view.js';

// Each boundary's score and description (the text job: they change the page's text).
export function updateScores(w) {
  const r = w.race, t = w.T;
  for (const e of r.entries) {
    const m = w.heatmaps.get(e.id);
    if (!m) continue;
    const acc = m.fig.querySelector('.acc'), score = r.regression ? `R² ${fmt(e.accTest)}` : pct(e.accTest);
    const text = e.diverged ? t.diverged : score, label = r.regression ? t.fitLabel(e.id, fmt(e.accTest)) : t.heatLabel(e.id, pct(e.accTest));
    if (acc.textContent !== text) { acc.textContent = text; acc.className = e.diverged ? 'acc bad' : 'acc'; }
    const canvas = m.fig.querySelector('canvas');
    if (canvas.getAttribute('aria-label') !== label) canvas.setAttribute('aria-label', label);
  }
}

export function updateTable(w) {
  const r = w.race, t = w.T;
  updateScores(w);
  for (const e of r.entries) {
    const tr = w.$.table.querySelector(`tr[data-id="${e.id}"]`);
    if (!tr) continue;
    const cells = tableCells(r, e, t, w.loop.running);
    tr.querySelectorAll('td').forEach((td, i) => { if (td.textContent !== String(cells[i])) td.textContent = String(cells[i]); });
    tr.lastElementChild.className = e.diverged ? 'bad' : '';
    tr.toggleAttribute('data-diverged', e.diverged);
    w.$.legend.querySelector(`.chip[data-id="${e.id}"]`)?.toggleAttribute('data-diverged', e.diverged);
  }
  updateDiverge(w);
}

// Why each diverged network stopped, with its fix in place; and any network's own learning rate.
export function updateDiverge(w) {
  const r = w.race, t = w.T, key = r.entries.map((e) => (e.diverged ? e.id : '')).join() + w.language;
  if (key === w.divergeKey) return;
  w.divergeKey = key;
  const lowered = Object.entries(w.opts.lrFor || {}).map(([id, lr]) => h('li', { class: 'lowered' }, t.blowup.lowered(id, fmt(lr))));
  w.$.diverge.replaceChildren(...buildDiverge(t, r, (v) => fmt(v)), ...lowered);
}

// "N networks race; X (its training loss) leads" in the reader's language.
function standing(w) {
  const r = w.race, live = r.entries.filter((e) => !e.diverged && Number.isFinite(e.lastTrain));
  const best = live.sort((a, b) => a.lastTrain - b.lastTrain)[0];
  return w.T.summary(r.entries.length, best ? `${best.id} (${fmt(best.lastTrain)})` : '');
}

// The base's text alternative of the charts: the epoch, how many race and which leads.
export function raceSummary(w) {
  return w.race ? `${w.T.epoch(w.race.epoch, w.race.target)}. ${standing(w)}` : '';
}

// The epoch counter in the header (every text job while training; not a live region).
export function updateEpoch(w) {
  const text = w.race ? w.T.epoch(w.race.epoch, w.race.target) : '';
  if (w.$.status.textContent !== text) w.$.status.textContent = text;
}

// The counter and the standing (a polite live region: when the race starts, stops or is stepped).
export function updateStatus(w) {
  if (!w.race) return;
  updateEpoch(w);
  w.$.summary.textContent = standing(w);
}
