// Imported by entry.js before widgets/all.js: records every custom element the bundle's widget
// files define (however they call customElements.define), so window.activationWidgets.elements —
// what embed.html and share links may name — is exactly what this bundle registered.
export const defined = [];
const original = customElements.define;
customElements.define = function define(name, ...rest) {
  const r = original.call(this, name, ...rest);
  defined.push(name);
  return r;
};
export function stopTracking() { customElements.define = original; }
