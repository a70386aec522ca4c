// share.js — the page's widget state in the URL hash, and a "copy link" control.
//
// Every widget reflects its settings as attributes (fn, alpha, log-df, lr, activations, …: the
// names its class lists in observedAttributes). The hash holds only what differs from the page's
// markup, one entry per changed attribute, in URLSearchParams form:
//   #activation-plot-8.alpha=0.5&-activation-plot-8.log-df&zigzag-descent-1.lr=0.3&lang=en
// `<key>.<attr>=<value>` sets, `-<key>.<attr>` removes; <key> is the element's id, or its tag and
// 1-based position among elements of that tag. Other entries (lang, …) are left alone.
// Values only ever reach setAttribute (never HTML); each widget validates its own attributes and
// shows an inline message for a bad one. Entries naming no widget or a non-shareable attribute
// (URL-valued ones such as link-base never are), or with an over-long value, control characters or
// a javascript:/data: URL, are ignored and listed in `share.rejected`.
//
//   const share = startShare({ elements: ['activation-plot', …], mount: element | null });
//   share.hash() -> '#…'   share.link() -> full URL   share.apply('#…')   share.stop()
import { h } from './ui/kit.js';

const NEVER = new Set(['lang', 'id', 'class', 'style', 'slot', 'is', 'hidden', 'ready', 'error', 'tabindex']);
const NAME_RE = /^[a-z][a-z0-9-]*$/;
const KEY_RE = /^[A-Za-z][\w-]*$/;
const MAX_VALUE = 200;
// Attributes whose values are data, longer than a setting: the race's own points ("x,y,label;…",
// at most 2000 points of about 14 characters). The widget parses them strictly like any other.
const MAX_VALUE_OF = { points: 32000 };
const BAD_VALUE_RE = /[\u0000-\u001f\u007f]/; // eslint-disable-line no-control-regex

// URL-valued attributes (link-base, href, src, …) never travel in a link or a query: a shared link
// must not choose where a widget's own links point.
const URL_ATTR_RE = /(^|-)(href|src|url|uri|base|action|link)$/;
// Values that would be dangerous if a widget ever used one as a URL (checked on top of the above).
export function unsafeValue(v, attr = '') {
  return v.length > (MAX_VALUE_OF[attr] ?? MAX_VALUE) || BAD_VALUE_RE.test(v) || /^(javascript|vbscript|data):/i.test(v.replace(/[\s\u0000-\u001f]+/g, '')); // eslint-disable-line no-control-regex
}

// Attribute names of `el` that may travel in a link.
export function shareableAttributes(el) {
  const list = el.constructor && Array.isArray(el.constructor.observedAttributes) ? el.constructor.observedAttributes : [];
  return list.filter((a) => NAME_RE.test(a) && !NEVER.has(a) && !/^on/.test(a) && !URL_ATTR_RE.test(a));
}

// Widgets in document order with their link keys: [{key, el}].
export function widgetKeys(elements, root = document) {
  const count = new Map(), out = [], used = new Set();
  for (const el of root.querySelectorAll(elements.join(','))) {
    const tag = el.localName, n = (count.get(tag) || 0) + 1;
    count.set(tag, n);
    let key = el.id && KEY_RE.test(el.id) ? el.id : `${tag}-${n}`;
    if (used.has(key)) key = `${tag}-${n}`;
    used.add(key);
    out.push({ key, el });
  }
  return out;
}

// Splits a hash into our entries and the others (kept verbatim, in order).
export function parseHash(hash) {
  const ours = [], others = [];
  for (const seg of hash.replace(/^#/, '').split('&')) {
    if (!seg) continue;
    const i = seg.indexOf('=');
    let name, value;
    try {
      name = decodeURIComponent((i < 0 ? seg : seg.slice(0, i)).replace(/\+/g, ' '));
      value = i < 0 ? null : decodeURIComponent(seg.slice(i + 1).replace(/\+/g, ' '));
    } catch { others.push(seg); continue; } // malformed %-escape: not ours
    const remove = name.startsWith('-');
    const dot = name.lastIndexOf('.');
    if (dot > 0 && (value !== null || remove)) ours.push({ key: name.slice(remove ? 1 : 0, dot), attr: name.slice(dot + 1), value: remove ? null : value, raw: seg });
    else others.push(seg);
  }
  return { ours, others };
}

const enc = (s) => encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

export function startShare({ elements = window.activationWidgets?.elements || [], mount = null, root = document } = {}) {
  const widgets = widgetKeys(elements, root);
  const byKey = new Map(widgets.map((w) => [w.key, w.el]));
  const initial = new Map(widgets.map(({ el }) => [el, Object.fromEntries(shareableAttributes(el).map((a) => [a, el.getAttribute(a)]))]));
  const share = { rejected: [], hash, link, apply, stop, control: null };

  function entries() {
    const out = [];
    for (const { key, el } of widgets) {
      const init = initial.get(el);
      for (const a of Object.keys(init)) {
        const v = el.getAttribute(a);
        if (v === init[a]) continue;
        out.push(v === null ? `-${enc(`${key}.${a}`)}` : `${enc(`${key}.${a}`)}=${enc(v)}`);
      }
    }
    return out;
  }
  function hash() {
    const { others } = parseHash(location.hash);
    const all = [...entries(), ...others.filter((s) => s.includes('='))];
    return all.length ? `#${all.join('&')}` : '';
  }
  function link() { return location.href.replace(/#.*$/, '') + hash(); }

  function apply(h = location.hash) {
    share.rejected = [];
    for (const { key, attr, value, raw } of parseHash(h).ours) {
      const el = byKey.get(key);
      if (!el || !Object.hasOwn(initial.get(el), attr)) { share.rejected.push(`${raw}: no widget "${key}" with a shareable attribute "${attr}"`); continue; }
      if (value !== null && unsafeValue(value, attr)) { share.rejected.push(`${key}.${attr}: value too long, with control characters or a script URL`); continue; }
      if (value === null) el.removeAttribute(attr); else el.setAttribute(attr, value);
    }
    if (share.rejected.length) console.warn(`activation-widgets share: ignored ${share.rejected.join('; ')}`);
  }

  let timer = 0;
  const write = () => {
    timer = 0;
    const url = link();
    if (url !== location.href) history.replaceState(history.state, '', url);
    if (share.control) share.control.status('');
  };
  const queue = () => { if (!timer) timer = setTimeout(write, 120); };
  const mo = new MutationObserver((records) => {
    if (records.some((r) => Object.hasOwn(initial.get(r.target) || {}, r.attributeName))) queue();
  });
  for (const { el } of widgets) mo.observe(el, { attributes: true, attributeFilter: Object.keys(initial.get(el)) });
  const onHash = () => apply(location.hash);
  window.addEventListener('hashchange', onHash);
  function stop() { mo.disconnect(); window.removeEventListener('hashchange', onHash); clearTimeout(timer); share.control?.remove(); }

  apply(location.hash);
  if (widgets.length) share.control = copyControl(mount, link);
  return share;
}

const TEXT = {
  ko: { copy: '링크 복사', copied: '링크를 복사했습니다', manual: '복사할 수 없어 링크를 선택해 두었습니다 (Ctrl+C)', title: '지금 화면(위젯 설정)을 그대로 여는 링크' },
  en: { copy: 'Copy link', copied: 'Link copied', manual: 'Could not copy; the link is selected (Ctrl+C)', title: 'A link that opens this view (the widget settings) as it is now' },
};
const STYLE = `:host { all: initial; font: 14px/1.4 system-ui, "Noto Sans KR", "Noto Sans CJK KR", sans-serif; }
.bar { display: inline-flex; gap: 8px; align-items: center; flex-wrap: wrap; }
:host([floating]) .bar { position: fixed; right: 12px; bottom: 12px; z-index: 50; background: Canvas; color: CanvasText;
  border: 1px solid GrayText; border-radius: 8px; padding: 6px 8px; box-shadow: 0 2px 8px rgb(0 0 0 / .2); }
button { font: inherit; padding: 4px 10px; cursor: pointer; }
input { font: inherit; width: min(60vw, 420px); } [hidden] { display: none !important; }`;

// The button (and a status line, and a read-only field when the clipboard is not available).
function copyControl(mount, link) {
  const host = h('activation-share-control');
  const lang = () => ((document.documentElement.getAttribute('data-lang') || document.documentElement.lang || 'ko').startsWith('en') ? 'en' : 'ko');
  const button = h('button', { type: 'button' });
  const field = h('input', { type: 'text', readonly: '', hidden: '', 'aria-label': 'link' });
  const status = h('span', { role: 'status', 'aria-live': 'polite' });
  const label = () => { button.textContent = TEXT[lang()].copy; button.title = TEXT[lang()].title; };
  label();
  document.addEventListener('languagechange', label);
  button.addEventListener('click', async () => {
    const url = link();
    history.replaceState(history.state, '', url);
    field.value = url;
    try {
      await navigator.clipboard.writeText(url);
      field.hidden = true;
      status.textContent = TEXT[lang()].copied;
    } catch {
      field.hidden = false;
      field.select();
      status.textContent = TEXT[lang()].manual;
    }
  });
  const root = host.attachShadow({ mode: 'open' });
  root.append(h('style', {}, STYLE), h('div', { class: 'bar' }, button, field, status));
  if (mount) mount.append(host); else { host.setAttribute('floating', ''); document.body.append(host); }
  return { element: host, button, remove: () => host.remove(), status: (s) => { status.textContent = s; } };
}
