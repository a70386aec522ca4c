// Input of <activation-race>: its buttons (play, step, reset, a diverged network's lower-lr fix,
// exports, legend chips) and its controls (checked as a whole set, then written as attributes).
import { download } from '../../plot/export.js';
import { CUSTOM } from './model.js';
import { toAttr } from './data.js';

// The controls whose value is written as the attribute of the same name.
export const CONTROL_ATTRS = ['dataset', 'noise', 'lr', 'optimizer', 'init', 'batch', 'seed'];

export function onRaceClick(w, e) {
  const b = e.target.closest('button');
  if (!b || !w.race) return;
  if (b.name === 'play') { if (w.playing) w.pause(); else w.play(); }
  else if (b.name === 'step') w.step();
  else if (b.name === 'reset') w.reset();
  else if (b.name === 'lowerLr') { // that network again at a tenth of its learning rate: the race re-runs
    w.playing = true;
    w.writeAttrs({ 'lr-for': Object.entries({ ...w.opts.lrFor, [b.dataset.id]: Number(b.dataset.lr) }).map(([id, v]) => `${id}:${v}`).join(',') });
  }
  else if (b.name === 'csv') download('activation-race.csv', w.toCSV(), 'text/csv');
  else if (b.name === 'json') {
    const id = w.$.exports.querySelector('select[name=jsonId]').value, json = w.networkJSON(id);
    if (json != null) download(`race-${id}.json`, json, 'application/json');
  } else if (b.classList.contains('chip')) {
    w.focus = w.focus === b.dataset.id ? null : b.dataset.id;
    w.$.legend.querySelectorAll('.chip').forEach((c) => c.setAttribute('aria-pressed', String(c.dataset.id === w.focus)));
    w.drawChart();
  }
}

// A control changed: the new attribute values are checked together with the others first; only a
// valid set is written (and rebuilds the race). An invalid one keeps the running race and says
// what is wrong beside the controls.
export function onRaceControl(w, e) {
  const el = e.target, form = el.form;
  if (!form || !w.race || el.name === 'jsonId') return;
  const f = form.elements, next = {};
  if (el.name === 'act') {
    const on = [...form.querySelectorAll('input[name=act]:checked')].map((x) => x.value);
    if (!on.length) { el.checked = true; return; } // at least one runner
    next.activations = on.join(',');
  } else if (el.name === 'nlayers' || el.name === 'units') {
    next.layers = Array(Number(f.nlayers.value)).fill(f.units.value).join(',');
  } else if (el.name === 'preset') {
    w.choosePreset(el.value);
    return;
  } else if (CONTROL_ATTRS.includes(el.name)) {
    next[el.name] = el.value;
    if (el.value === CUSTOM && !w.opts.points) next.points = toAttr(w.startingPoints());
  } else return;
  w.writeAttrs(next);
}
