// export-buttons.js — a widget's download buttons (the widget base's exportButtons()): PNG and SVG
// of a Plot, CSV of a table, and the same numbers as a table on the page ("show as table", ui/
// data-table.js); labelled in the widget's language, again at every language change.
//
//   makeExportButtons(w, { plot, table, name }) -> <span class="export">  (kept in w.exports)
//     plot  () => Plot (PNG, SVG) · table () => <table> or rows (CSV, the on-page table) ·
//     name  () => file name without extension
//   labelExportButtons(w)   every export button of w in w.C's words
import { h } from './kit.js';
import { DataTable } from './data-table.js';
import { plotToSVG, canvasToPNG, tableToCSV, toCSV, download } from '../plot/export.js';

export function makeExportButtons(w, { plot, table, name }) {
  const wrap = h('span', { class: 'export' });
  const button = (kind, onClick) => {
    const b = h('button', { type: 'button', name: `export-${kind}` }, kind.toUpperCase());
    b.addEventListener('click', onClick);
    return b;
  };
  if (plot) {
    wrap.append(h('span', { class: 'export-label' }),
      button('png', async () => { const p = plot(); if (p?.spec) download(`${name()}.png`, await canvasToPNG(p.canvas), 'image/png'); }),
      button('svg', () => { const p = plot(); if (p?.spec) download(`${name()}.svg`, plotToSVG(p), 'image/svg+xml'); }));
  }
  if (table) {
    wrap.append(button('csv', () => {
      const t = table();
      if (t) download(`${name()}.csv`, Array.isArray(t) ? toCSV(t) : tableToCSV(t), 'text/csv');
    }));
    // the same numbers on the page, on demand
    w.dataTable = new DataTable(table, (box) => w.$.main.append(box));
    wrap.append(w.dataTable.button);
  }
  w.exports.push(wrap);
  labelExportButtons(w);
  return wrap;
}

export function labelExportButtons(w) {
  const C = w.C;
  for (const wrap of w.exports) {
    const label = wrap.querySelector('.export-label');
    if (label) label.textContent = C.downloadPlot;
    for (const b of wrap.querySelectorAll('button')) {
      if (b.name === 'table') continue; // the DataTable's own words
      const kind = b.name.slice('export-'.length);
      b.title = C[`${kind}Title`];
      b.setAttribute('aria-label', C[`${kind}Title`]);
    }
  }
  w.dataTable?.label(C);
}
