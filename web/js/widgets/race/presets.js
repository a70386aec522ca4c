// Presets of <activation-race>: each entry sets every control (the attributes below, all of them,
// so nothing of an earlier setting leaks in) and comes with one sentence on what to look for (the
// text table's `presets`, ko + en). `preset="<id>"` on the element applies one: its values win over
// the element's other attributes until the reader changes a control, which writes the preset's
// values out as attributes and drops `preset`. A share link carries `preset` like any attribute.

const base = { points: '', noise: '0.1', layers: '8,8', 'lr-for': '', optimizer: 'adam', init: 'glorot_uniform', batch: '10', seed: '1' };

export const PRESETS = {
  'dead-relu': { ...base, dataset: 'xor', activations: 'relu,leaky_relu,elu', layers: '4,4,4', lr: '0.1', epochs: '100' },
  'deep-sigmoid': { ...base, dataset: 'circle', activations: 'sigmoid,tanh,relu,selu', layers: '8,8,8,8,8,8,8,8,8,8', lr: '0.01', optimizer: 'sgd', init: 'default', epochs: '60' },
  'selu-lecun': { ...base, dataset: 'circle', activations: 'selu,elu,relu', layers: '8,8,8,8,8,8,8,8,8,8', lr: '0.01', optimizer: 'sgd', init: 'lecun_normal', epochs: '60' },
  'selu-glorot': { ...base, dataset: 'circle', activations: 'selu,elu,relu', layers: '8,8,8,8,8,8,8,8,8,8', lr: '0.01', optimizer: 'sgd', init: 'glorot_uniform', epochs: '60' },
  'maxout-xor': { ...base, dataset: 'xor', activations: 'linear,relu,maxout', layers: '2', lr: '0.03', epochs: '150' },
  'linear-circle': { ...base, dataset: 'circle', activations: 'linear,sigmoid,tanh,relu', lr: '0.01', epochs: '100' },
  'noisy-spiral': { ...base, dataset: 'spiral', noise: '0.5', activations: 'relu,tanh,elu,selu', layers: '32,32,32', lr: '0.01', epochs: '400' },
  'after-2020': { ...base, dataset: 'spiral', activations: 'relu,gelu,silu,mish,hardswish,softplus', lr: '0.01', epochs: '300' },
  'three-classes': { ...base, dataset: 'spiral3', activations: 'linear,tanh,relu,gelu', layers: '16,16', lr: '0.01', epochs: '300' },
  'sin-fit': { ...base, dataset: 'sin', activations: 'linear,sigmoid,tanh,relu,elu', layers: '16,16', lr: '0.01', epochs: '200' },
};
export const PRESET_IDS = Object.keys(PRESETS);
