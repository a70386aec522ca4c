// The parent side of iframe mode: an <iframe src="…/embed.html?w=…"> posts
// {type: 'activation-widgets:height', height} whenever its content changes height; the iframe that
// sent it (matched by its window, never by a selector from the message) gets that height.
// Loaded by the bundle; hosts without the bundle can load dist/embed-host.js alone.
export const MESSAGE_TYPE = 'activation-widgets:height';
const MIN = 60, MAX = 20000;

export function startIframeHost(win = window) {
  if (win.__activationIframeHost) return;
  win.__activationIframeHost = true;
  win.addEventListener('message', (e) => {
    const d = e.data;
    if (!d || typeof d !== 'object' || d.type !== MESSAGE_TYPE) return;
    const height = Number(d.height);
    if (!Number.isFinite(height)) return;
    for (const frame of win.document.querySelectorAll('iframe')) {
      if (frame.contentWindow !== e.source) continue;
      frame.style.height = `${Math.round(Math.max(MIN, Math.min(MAX, height)))}px`;
      frame.setAttribute('data-activation-height', String(Math.round(height)));
    }
  });
}
