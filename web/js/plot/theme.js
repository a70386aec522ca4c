// Plot colours and font come from CSS custom properties on the element that hosts the canvas,
// so a page (or prefers-color-scheme: dark) restyles every plot without touching JavaScript:
//   --plot-bg --plot-fg --plot-muted --plot-grid --plot-axis
//   --plot-series-1 … --plot-series-4   (series colours, in order)
//   --plot-band --plot-mark --plot-font-family --plot-font-size
// Missing properties fall back to the light defaults below.

export const LIGHT = {
  bg: '#ffffff', fg: '#1d2330', muted: '#5b6475', grid: '#e6e9ef', axis: '#8a93a3',
  series: ['#1f62c4', '#c2410c', '#15803d', '#7c3aed'],
  band: '#1f62c4', mark: '#374151',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", "Noto Sans KR", "Noto Sans CJK KR", sans-serif',
  fontSize: 12,
};

function prop(style, name) { return style.getPropertyValue(name).trim(); }

// Reads the theme from an element's computed style.
export function readTheme(el) {
  const st = getComputedStyle(el);
  const series = [1, 2, 3, 4].map((i, k) => prop(st, `--plot-series-${i}`) || LIGHT.series[k]);
  const size = parseFloat(prop(st, '--plot-font-size'));
  return {
    bg: prop(st, '--plot-bg') || LIGHT.bg,
    fg: prop(st, '--plot-fg') || LIGHT.fg,
    muted: prop(st, '--plot-muted') || LIGHT.muted,
    grid: prop(st, '--plot-grid') || LIGHT.grid,
    axis: prop(st, '--plot-axis') || LIGHT.axis,
    series,
    band: prop(st, '--plot-band') || series[0],
    mark: prop(st, '--plot-mark') || LIGHT.mark,
    fontFamily: prop(st, '--plot-font-family') || LIGHT.fontFamily,
    fontSize: size > 6 && size < 40 ? size : LIGHT.fontSize,
  };
}
