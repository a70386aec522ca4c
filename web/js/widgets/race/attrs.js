// Strict parsing of <activation-race>'s attributes (kit parsers: malformed or out-of-range values
// throw AttrError naming the attribute and what is allowed, worded in the widget's language; the
// base shows the message as text). `lang` is checked by the base.
import { AttrError, attr, shown } from '../../ui/kit.js';
import { DATASETS, REGRESSION, CUSTOM, INITS, OPTIMIZERS } from './model.js';
import { parsePoints } from './data.js';
import { PRESETS, PRESET_IDS } from './presets.js';
import TEXT from '../../text/activation-race.js';

export const ALL_DATASETS = [...DATASETS, ...REGRESSION, CUSTOM];
export const MAX_LAYERS = 10;

// "8,8" -> [8, 8]: 1 to 10 hidden layers of 2 to 32 units.
export function parseLayers(raw) {
  if (raw == null || raw.trim() === '') return [8, 8];
  const parts = raw.split(',');
  if (parts.length > MAX_LAYERS) throw new AttrError((C) => C.attr.maxCount('layers', MAX_LAYERS, parts.length));
  return parts.map((p, i) => {
    const v = attr.int(`layers[${i}]`, p, { min: 2, max: 32 });
    if (v === undefined) throw new AttrError((C) => C.attr.empty('layers', 'layers="8,8"'));
    return v;
  });
}

// "relu:0.001,sigmoid:0.1" -> {relu: 0.001, sigmoid: 0.1}: one network's own learning rate (the
// "lower this one's learning rate" control writes it).
export function parseLrFor(raw, ids) {
  const out = {};
  if (raw == null || raw.trim() === '') return out;
  for (const part of raw.split(',')) {
    const [id, v, ...rest] = part.split(':').map((s) => s.trim());
    if (v === undefined || rest.length) throw new AttrError((C, lang) => TEXT[lang].lrForForm(shown(part)));
    const one = attr.list('lr-for', id, ids, undefined)[0];
    out[one] = attr.number(`lr-for[${one}]`, v, { min: 1e-6, max: 10 });
  }
  return out;
}

// el: anything with getAttribute(name) — the element, or a candidate set of attributes to check
// before any is set; ids: the engine's activation ids. A `preset` supplies every control's value.
export function parseRaceAttrs(el, ids) {
  const preset = attr.choice('preset', el.getAttribute('preset'), PRESET_IDS, null);
  const g = (n) => (preset && n in PRESETS[preset] ? PRESETS[preset][n] : el.getAttribute(n));
  const dataset = attr.choice('dataset', g('dataset'), ALL_DATASETS, 'circle');
  return {
    preset,
    dataset,
    points: dataset === CUSTOM ? parsePoints(g('points')) : null,
    // by default the post's ten (the engine lists them first); the newer ones join when chosen
    activations: attr.list('activations', g('activations'), ids, ids.slice(0, 10)),
    layers: parseLayers(g('layers')),
    lr: attr.number('lr', g('lr'), { min: 1e-6, max: 10, def: 0.01 }),
    lrFor: parseLrFor(g('lr-for'), ids),
    optimizer: attr.choice('optimizer', g('optimizer'), OPTIMIZERS, 'adam'),
    init: attr.choice('init', g('init'), INITS, INITS[0]),
    batch: attr.int('batch', g('batch'), { min: 1, max: 400, def: 10 }),
    seed: attr.int('seed', g('seed'), { min: 0, max: 2147483647, def: 1 }),
    noise: attr.number('noise', g('noise'), { min: 0, max: 1, def: 0.1 }),
    epochs: attr.int('epochs', g('epochs'), { min: 1, max: 10000000, def: Infinity }),
    autoplay: attr.flag(el, 'autoplay'),
    worker: attr.choice('worker', el.getAttribute('worker'), ['on', 'off'], 'on'),
  };
}
