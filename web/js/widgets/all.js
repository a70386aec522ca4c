// One tag brings every widget: <script type="module" src="js/widgets/all.js"></script>.
// Each widget file registers its own custom element; append one import line per widget.
import './activation-plot.js';
import './activation-race.js';
