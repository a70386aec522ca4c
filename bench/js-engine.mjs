// The comparison baseline of the benchmark: a plain-JavaScript neural network of the kind a
// pure-JS teaching playground uses. Every neuron is an object with its input links, every link an
// object holding its weight and accumulated derivative; training runs forward and backward over
// this object graph one sample at a time and applies SGD after each mini-batch.
//
// Written to be honest, not slow: monomorphic classes with every field set in the constructor,
// no allocation per sample, activations as {output(x), der(x)} objects (the playground's shape).
// Loss and update follow the C++ network's contract: mse = mean over the batch of (out - y)^2,
// SGD step = learningRate * (mean gradient over the batch), output layer linear.

export const ACTIVATIONS = {
  linear: { output: (x) => x, der: (_x) => 1 },
  tanh: {
    output: (x) => Math.tanh(x),
    der: (x) => {
      const t = Math.tanh(x);
      return 1 - t * t;
    },
  },
  relu: { output: (x) => Math.max(0, x), der: (x) => (x <= 0 ? 0 : 1) },
  sigmoid: {
    output: (x) => 1 / (1 + Math.exp(-x)),
    der: (x) => {
      const s = 1 / (1 + Math.exp(-x));
      return s * (1 - s);
    },
  },
};

// Small seeded generator (mulberry32) so initial weights are reproducible.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Neuron {
  constructor(activation) {
    this.inputLinks = [];
    this.outputs = [];
    this.bias = 0;
    this.totalInput = 0;
    this.output = 0;
    this.outputDer = 0;   // dLoss/d(output)
    this.inputDer = 0;    // dLoss/d(totalInput)
    this.accInputDer = 0; // summed over the samples of the batch (the bias gradient)
    this.numAccumulatedDers = 0;
    this.activation = activation;
  }
}

class Link {
  constructor(source, dest, weight) {
    this.source = source;
    this.dest = dest;
    this.weight = weight;
    this.errorDer = 0;
    this.accErrorDer = 0;
    this.numAccumulatedDers = 0;
  }
}

export class JsNetwork {
  // {layers: [2, 8, 8, 1], activation: 'tanh'|'relu'|'sigmoid'|'linear', learningRate, batchSize, seed}
  constructor({ layers, activation = 'tanh', learningRate = 0.03, batchSize = 10, seed = 1 }) {
    if (!Array.isArray(layers) || layers.length < 2 || !layers.every((n) => Number.isInteger(n) && n > 0))
      throw new Error('layers must be an array of at least 2 positive integers');
    if (!(activation in ACTIVATIONS))
      throw new Error(`activation must be one of ${Object.keys(ACTIVATIONS).join(', ')}, got ${activation}`);
    this.learningRate = learningRate;
    this.batchSize = batchSize;
    this.inputDim = layers[0];
    const random = rng(seed);
    this.layers = [];
    for (let l = 0; l < layers.length; l++) {
      const act = l === 0 ? ACTIVATIONS.linear : l === layers.length - 1 ? ACTIVATIONS.linear : ACTIVATIONS[activation];
      const layer = [];
      for (let j = 0; j < layers[l]; j++) {
        const node = new Neuron(act);
        if (l > 0) {
          // Glorot-uniform weights, zero bias
          const limit = Math.sqrt(6 / (layers[l - 1] + layers[l]));
          for (const src of this.layers[l - 1]) {
            const link = new Link(src, node, (2 * random() - 1) * limit);
            node.inputLinks.push(link);
            src.outputs.push(link);
          }
        }
        layer.push(node);
      }
      this.layers.push(layer);
    }
  }

  // Forward pass for the sample starting at X[offset]; returns the first output.
  forward(X, offset) {
    const input = this.layers[0];
    for (let i = 0; i < input.length; i++) input[i].output = X[offset + i];
    for (let l = 1; l < this.layers.length; l++) {
      const layer = this.layers[l];
      for (let j = 0; j < layer.length; j++) {
        const node = layer[j];
        let total = node.bias;
        const links = node.inputLinks;
        for (let k = 0; k < links.length; k++) total += links[k].weight * links[k].source.output;
        node.totalInput = total;
        node.output = node.activation.output(total);
      }
    }
    return this.layers[this.layers.length - 1][0].output;
  }

  // Backward pass for one sample (after forward); accumulates link and bias derivatives.
  backward(Y, offset) {
    const out = this.layers[this.layers.length - 1];
    for (let j = 0; j < out.length; j++) out[j].outputDer = 2 * (out[j].output - Y[offset + j]);
    for (let l = this.layers.length - 1; l >= 1; l--) {
      const layer = this.layers[l];
      for (let j = 0; j < layer.length; j++) {
        const node = layer[j];
        node.inputDer = node.outputDer * node.activation.der(node.totalInput);
        node.accInputDer += node.inputDer;
        node.numAccumulatedDers++;
        const links = node.inputLinks;
        for (let k = 0; k < links.length; k++) {
          const link = links[k];
          link.errorDer = node.inputDer * link.source.output;
          link.accErrorDer += link.errorDer;
          link.numAccumulatedDers++;
        }
      }
      if (l === 1) break;
      const prev = this.layers[l - 1];
      for (let i = 0; i < prev.length; i++) {
        const node = prev[i];
        let der = 0;
        for (let k = 0; k < node.outputs.length; k++) der += node.outputs[k].weight * node.outputs[k].dest.inputDer;
        node.outputDer = der;
      }
    }
  }

  // SGD step with the mean accumulated gradient, then reset the accumulators.
  update() {
    const lr = this.learningRate;
    for (let l = 1; l < this.layers.length; l++) {
      const layer = this.layers[l];
      for (let j = 0; j < layer.length; j++) {
        const node = layer[j];
        if (node.numAccumulatedDers > 0) {
          node.bias -= (lr * node.accInputDer) / node.numAccumulatedDers;
          node.accInputDer = 0;
          node.numAccumulatedDers = 0;
        }
        const links = node.inputLinks;
        for (let k = 0; k < links.length; k++) {
          const link = links[k];
          if (link.numAccumulatedDers > 0) {
            link.weight -= (lr * link.accErrorDer) / link.numAccumulatedDers;
            link.accErrorDer = 0;
            link.numAccumulatedDers = 0;
          }
        }
      }
    }
  }

  // One pass over the data in order, an SGD step after every batchSize samples (and after the
  // last partial batch). Returns the mean training loss seen during the epoch.
  trainEpoch(X, Y) {
    const d = this.inputDim, n = Y.length;
    let loss = 0;
    for (let s = 0; s < n; s++) {
      const err = this.forward(X, s * d) - Y[s];
      loss += err * err;
      this.backward(Y, s);
      if ((s + 1) % this.batchSize === 0 || s === n - 1) this.update();
    }
    return loss / n;
  }

  predict(X) {
    const d = this.inputDim, n = X.length / d;
    const out = new Float64Array(n);
    for (let s = 0; s < n; s++) out[s] = this.forward(X, s * d);
    return out;
  }

  loss(X, Y) {
    const p = this.predict(X);
    let sum = 0;
    for (let s = 0; s < p.length; s++) sum += (p[s] - Y[s]) ** 2;
    return sum / p.length;
  }

  // Parameters in PyTorch nn.Sequential order: per layer weight [out][in] row-major, then bias.
  getParameters() {
    const out = [];
    for (let l = 1; l < this.layers.length; l++) {
      for (const node of this.layers[l]) for (const link of node.inputLinks) out.push(link.weight);
      for (const node of this.layers[l]) out.push(node.bias);
    }
    return Float64Array.from(out);
  }

  setParameters(p) {
    let i = 0;
    for (let l = 1; l < this.layers.length; l++) {
      for (const node of this.layers[l]) for (const link of node.inputLinks) link.weight = p[i++];
      for (const node of this.layers[l]) node.bias = p[i++];
    }
    if (i !== p.length) throw new Error(`setParameters: expected ${i} values, got ${p.length}`);
  }

  // Mean loss over (X, Y) and its gradient (getParameters order), without changing the weights.
  lossAndGradient(X, Y) {
    const d = this.inputDim, n = Y.length;
    let loss = 0;
    for (let s = 0; s < n; s++) {
      const err = this.forward(X, s * d) - Y[s];
      loss += err * err;
      this.backward(Y, s);
    }
    const g = [];
    for (let l = 1; l < this.layers.length; l++) {
      for (const node of this.layers[l]) for (const link of node.inputLinks) g.push(link.accErrorDer / n);
      for (const node of this.layers[l]) g.push(node.accInputDer / n);
    }
    for (let l = 1; l < this.layers.length; l++) // reset, as update() would
      for (const node of this.layers[l]) {
        node.accInputDer = 0;
        node.numAccumulatedDers = 0;
        for (const link of node.inputLinks) {
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    return { loss: loss / n, gradient: Float64Array.from(g) };
  }
}

// A small two-class circle data set for the engine's own tests (label 1 within radius 0.5,
// label 0 in the ring 0.7..1). The benchmark itself uses Module.makeDataset('circle').
export function circle(n, seed = 1) {
  const random = rng(seed);
  const X = new Float64Array(2 * n), Y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const inside = i % 2 === 0;
    const r = inside ? 0.5 * random() : 0.7 + 0.3 * random();
    const a = 2 * Math.PI * random();
    X[2 * i] = r * Math.cos(a);
    X[2 * i + 1] = r * Math.sin(a);
    Y[i] = inside ? 1 : 0;
  }
  return { X, Y };
}
