// Settings of <activation-race> written as attributes (the single source of truth: controls, the
// data editor, presets and the divergence fix all go through here, so a share link carries them).
import { engine } from '../../ui/widget.js';
import { parseRaceAttrs } from './attrs.js';
import { PRESETS } from './presets.js';
import { fromArrays } from './data.js';

// Writes a set of attributes (null: remove) once the whole new set parses; a preset in force is
// first written out as attributes (the reader now edits from it) and dropped. An invalid set keeps
// the running race and says what is wrong beside the controls.
export function writeAttrs(w, next) {
  if (w.opts?.preset) {
    for (const [k, v] of Object.entries(PRESETS[w.opts.preset])) if (!(k in next)) next[k] = v;
    next.preset = null;
  }
  const msg = w.$.controls.querySelector('.ctlmsg');
  try {
    parseRaceAttrs({ getAttribute: (n) => (n in next ? next[n] : w.getAttribute(n)) }, engine.activationIds());
  } catch (err) {
    if (msg) { msg.textContent = typeof err.text === 'function' ? err.text(w.language) : err.message; msg.hidden = false; }
    return false;
  }
  if (msg) msg.hidden = true;
  for (const [k, raw] of Object.entries(next)) {
    const v = raw === '' || raw == null ? null : raw;
    if (w.getAttribute(k) === v) continue;
    if (v === null) w.removeAttribute(k); else w.setAttribute(k, v);
    w.emit('change', { control: k, value: v });
  }
  return true;
}

// A preset sets every control: the attributes it covers are removed (the preset's values win
// while `preset` is set, and a share link then carries just the preset). '' keeps the settings.
export function choosePreset(w, id) {
  if (!id) { if (w.opts?.preset) writeAttrs(w, {}); return; }
  for (const k of Object.keys(PRESETS[id])) w.removeAttribute(k);
  w.setAttribute('preset', id);
  w.emit('change', { control: 'preset', value: id });
}

// The drawing a reader starts from on switching to their own data: the current classification
// points (else the circle's), up to 200.
export function startingPoints(w) {
  const d = w.race && !w.race.regression ? w.race.data : engine.makeDataset('circle', { n: 250, noise: 0.1, seed: w.opts.seed });
  return fromArrays(d.xTrain, d.yTrain);
}

export function editorColors(w) {
  const bg = w.paletteColor('bg') || '#fff';
  return { bg, grid: w.paletteColor('grid'), neg: w.paletteColor('class-0'), pos: w.paletteColor('class-1'),
    ring: w.paletteColor('ring') || bg, line: w.paletteColor('fg') };
}
