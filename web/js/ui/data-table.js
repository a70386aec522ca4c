// data-table.js — a chart's numbers as a table on the page, on demand ("show as table"), for
// readers who want the numbers rather than the picture (and screen-reader users who browse tables).
// The widget base adds one beside the CSV button of exportButtons({ table }) (ui/widget.js).
//
//   const t = new DataTable(source, place);  // source() -> <table> or rows (first row: header);
//                                            // place(box) puts the table's box into the widget
//   wrap.append(t.button);  t.fill();  t.label(C);
import { h } from './kit.js';

export const DATA_TABLE_STYLE = `
.datatable { overflow-x: auto; margin: 6px 0 0; max-width: 100%; }
.datatable table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
.datatable caption { text-align: left; color: var(--w-muted); font-size: 12.5px; min-width: min(24em, 80vw); }
.datatable th, .datatable td { padding: 2px 8px; border-bottom: 1px solid var(--w-grid); text-align: right; white-space: nowrap; }
.datatable th:first-child, .datatable td:first-child { text-align: left; }
`;

export class DataTable {
  constructor(source, place) {
    this.source = source;
    // scrolls sideways on a phone: a named region the keyboard can reach
    this.box = h('div', { class: 'datatable', role: 'region', tabindex: '0', hidden: '' });
    this.button = h('button', { type: 'button', name: 'table', 'aria-expanded': 'false' });
    this.button.addEventListener('click', () => {
      const open = this.box.hidden;
      if (!this.box.isConnected) place(this.box);
      this.box.hidden = !open;
      this.button.setAttribute('aria-expanded', String(open));
      this.fill();
      if (this.C) this.label(this.C);
    });
  }
  get open() { return !this.box.hidden; }

  // The button's words and the region's name in the widget's language (text/common.js).
  label(C) {
    this.C = C;
    this.button.textContent = this.open ? C.hideTable : C.showTable;
    this.box.setAttribute('aria-label', C.tableRegion);
  }

  // While shown, the table follows the numbers: a copy of the widget's table, or rows.
  fill() {
    if (!this.open) return;
    const t = this.source();
    let table = null;
    if (Array.isArray(t) && t.length) {
      table = h('table', {}, h('thead', {}, h('tr', {}, ...t[0].map((c) => h('th', { scope: 'col' }, String(c))))),
        h('tbody', {}, ...t.slice(1).map((r) => h('tr', {}, ...r.map((c, i) => h(i ? 'td' : 'th', i ? {} : { scope: 'row' }, String(c)))))));
    } else if (t instanceof Element) table = t.cloneNode(true);
    if (table && table.outerHTML !== this.box.firstElementChild?.outerHTML) this.box.replaceChildren(table);
  }
}
