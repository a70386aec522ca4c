// One tag brings every widget: <script type="module" src="js/widgets/all.js"></script>.
// Each widget file registers its own custom element; append one import line per widget.
import './activation-plot.js';
import './activation-race.js';
import './zigzag-descent.js';
import './activation-speed.js';
import './leaky-compare.js';
import './activation-guide.js';
import './universal-approximation.js';
import './gradient-flow.js';
import './dead-neurons.js';
import './self-normalization.js';
import './output-layer.js';
