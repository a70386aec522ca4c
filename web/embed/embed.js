// embed.js — iframe mode (embed.html?w=<element>&<attr>=<value>…). A classic script that runs after
// activation-widgets.js. Whitelists: `w` must be an element the bundle defines; every other key must
// be one of that element's own attributes (window.activationWidgets.attributesOf(w)) or `lang`.
// Values reach the widget only through setAttribute; anything wrong is reported as text.
(function () {
  'use strict';
  var MESSAGE_TYPE = 'activation-widgets:height';
  var MAX_VALUE = 200;
  var root = document.getElementById('embed-root');
  var api = window.activationWidgets;

  function shorten(v) { v = String(v); return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '…' : v); }

  function fail(lines) {
    var box = document.createElement('div');
    box.className = 'embed-error';
    box.setAttribute('role', 'alert');
    lines.forEach(function (line, i) {
      if (i) box.appendChild(document.createElement('br'));
      box.appendChild(document.createTextNode(line));
    });
    root.replaceChildren(box);
    document.documentElement.setAttribute('data-embed', 'error');
  }

  // Returns {tag, attrs: [[name, value]], lang} or throws an Error listing what is allowed.
  function parse(search) {
    var params = new URLSearchParams(search);
    var allowed = api ? api.elements : [];
    var tag = params.get('w');
    if (!tag) throw new Error('w is required (widget) / w(위젯 이름)가 필요합니다. Allowed / 가능한 값: ' + allowed.join(', '));
    if (allowed.indexOf(tag) < 0) throw new Error('w=' + shorten(tag) + ' is not a widget / 알 수 없는 위젯. Allowed / 가능한 값: ' + allowed.join(', '));
    var names = api.attributesOf(tag) || [];
    var attrs = [], seen = Object.create(null), lang = null, problems = [];
    params.forEach(function (value, name) {
      if (name === 'w') return;
      if (seen[name]) { problems.push(name + ': given twice / 두 번 주어짐'); return; }
      seen[name] = true;
      if (value.length > MAX_VALUE || /[\u0000-\u001f\u007f]/.test(value) || api.unsafeValue(value)) {
        problems.push(name + ': value too long, with control characters or a script URL / 값이 너무 길거나 제어 문자·스크립트 URL 포함');
        return;
      }
      if (name === 'lang') {
        if (!/^(ko|en)$/.test(value)) problems.push('lang=' + shorten(value) + ': allowed / 가능한 값: ko, en');
        else lang = value;
        return;
      }
      if (names.indexOf(name) < 0) { problems.push(shorten(name) + ' is not an attribute of ' + tag + ' / ' + tag + '의 속성이 아닙니다. Allowed / 가능한 값: ' + names.concat('lang').join(', ')); return; }
      attrs.push([name, value]);
    });
    if (problems.length) throw new Error(problems.join('\n'));
    return { tag: tag, attrs: attrs, lang: lang };
  }

  // Auto-height: post the document height to the parent whenever it changes.
  function reportHeight() {
    if (window.parent === window) return;
    var last = -1;
    var send = function () {
      var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      window.parent.postMessage({ type: MESSAGE_TYPE, height: height }, '*'); // a height only: nothing private
    };
    new ResizeObserver(send).observe(document.documentElement);
    send();
  }

  reportHeight();
  if (!api) { fail(['could not load activation-widgets.js / 위젯 스크립트를 불러오지 못했습니다']); return; }
  var spec;
  try { spec = parse(location.search); } catch (e) { fail(e.message.split('\n')); return; }
  if (spec.lang) document.documentElement.lang = spec.lang;
  var el = document.createElement(spec.tag); // a name from the whitelist
  spec.attrs.forEach(function (a) { el.setAttribute(a[0], a[1]); });
  root.replaceChildren(el);
  // The frame's own URL follows the widget (slider, toggles): "open in a new tab" keeps the view.
  var names = api.attributesOf(spec.tag) || [];
  new MutationObserver(function () {
    var q = new URLSearchParams();
    q.set('w', spec.tag);
    names.forEach(function (n) { if (el.hasAttribute(n)) q.set(n, el.getAttribute(n)); });
    if (spec.lang) q.set('lang', spec.lang);
    history.replaceState(history.state, '', '?' + q.toString() + location.hash);
  }).observe(el, { attributes: true, attributeFilter: names });
  document.title = spec.tag + ' — activation widget';
  document.documentElement.setAttribute('data-embed', 'ok');
}());
