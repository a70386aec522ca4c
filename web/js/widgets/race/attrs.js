// Strict parsing of <activation-race>'s attributes (kit parsers: malformed or out-of-range values
// throw AttrError naming the attribute and what is allowed, worded in the widget's language; the
// base shows the message as text). `lang` is checked by the base.
import { AttrError, attr } from '../../ui/kit.js';
import { DATASETS, INITS, OPTIMIZERS } from './model.js';

// "8,8" -> [8, 8]: 1 to 4 hidden layers of 2 to 32 units.
export function parseLayers(raw) {
  if (raw == null || raw.trim() === '') return [8, 8];
  const parts = raw.split(',');
  if (parts.length > 4) throw new AttrError((C) => C.attr.maxCount('layers', 4, parts.length));
  return parts.map((p, i) => {
    const v = attr.int(`layers[${i}]`, p, { min: 2, max: 32 });
    if (v === undefined) throw new AttrError((C) => C.attr.empty('layers', 'layers="8,8"'));
    return v;
  });
}

// el: anything with getAttribute(name) — the element, or a candidate set of attributes to check
// before any is set; ids: the engine's activation ids.
export function parseRaceAttrs(el, ids) {
  const g = (n) => el.getAttribute(n);
  return {
    dataset: attr.choice('dataset', g('dataset'), DATASETS, 'circle'),
    // by default the post's ten (the engine lists them first); the newer ones join when chosen
    activations: attr.list('activations', g('activations'), ids, ids.slice(0, 10)),
    layers: parseLayers(g('layers')),
    lr: attr.number('lr', g('lr'), { min: 1e-6, max: 10, def: 0.01 }),
    optimizer: attr.choice('optimizer', g('optimizer'), OPTIMIZERS, 'adam'),
    init: attr.choice('init', g('init'), INITS, INITS[0]),
    batch: attr.int('batch', g('batch'), { min: 1, max: 400, def: 10 }),
    seed: attr.int('seed', g('seed'), { min: 0, max: 2147483647, def: 1 }),
    noise: attr.number('noise', g('noise'), { min: 0, max: 1, def: 0.1 }),
    epochs: attr.int('epochs', g('epochs'), { min: 1, max: 10000000, def: Infinity }),
    autoplay: attr.flag(el, 'autoplay'),
  };
}
