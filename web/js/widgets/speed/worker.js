// The worker side of <activation-speed>'s measurement (speed/measurer.js is the page's side): each
// timed wasm call runs in the same dedicated Worker the race uses (its own wasm instance), so a call
// of tens of ms on a phone is no task of the page's main thread, and the page's drawing is no
// part of what is timed.
//
// Page -> worker:  {type: 'speed', ticket, id, options, wasmModule?}   one engine.measureActivationSpeed call
// Worker -> page:  {type: 'speed', ticket, result}   or   {type: 'speed', ticket, error}
import * as engine from '../../engine.js';

export async function measureSpeed(scope, { ticket, id, options, wasmModule }) {
  try {
    await engine.ready({ wasmModule });
    const r = engine.measureActivationSpeed(id, options);
    scope.postMessage({ type: 'speed', ticket, result: { nsPerElementF: r.nsPerElementF, nsPerElementDf: r.nsPerElementDf } });
  } catch (e) {
    scope.postMessage({ type: 'speed', ticket, error: e?.message ?? String(e) });
  }
}
