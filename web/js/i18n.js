// Language selection for the teaching page. A classic script loaded (without defer) in <head>,
// so the chosen language is applied before the body is parsed: no flash of the other language.
// Both languages are in the DOM (<p lang="ko">…</p><p lang="en">…</p>); page.css hides the
// one that does not match <html data-lang>.
//
// Precedence: ?lang=xx in the query, then #lang=xx in the hash, then the last choice saved in
// localStorage, then Korean. Only the exact strings in LANGS are accepted; anything else
// (e.g. ?lang=<script>) is ignored, never written anywhere.
(function () {
  'use strict';
  var LANGS = ['ko', 'en'];
  var DEFAULT = 'ko';
  var KEY = 'activation-page.lang';
  var TITLES = { ko: '활성화 함수, 직접 보며 배우기', en: 'Activation functions, seen live' };

  function valid(v) {
    return typeof v === 'string' && LANGS.indexOf(v) !== -1 ? v : null;
  }
  function param(str) {
    try { return new URLSearchParams(str).get('lang'); } catch (e) { return null; }
  }
  // The language requested by the URL, or null when absent or invalid.
  function fromUrl(loc) {
    return valid(param(loc.search)) || valid(param(loc.hash.replace(/^#/, '')));
  }
  function stored() {
    try { return valid(window.localStorage.getItem(KEY)); } catch (e) { return null; }
  }
  function remember(lang) {
    try { window.localStorage.setItem(KEY, lang); } catch (e) { /* storage blocked: fine */ }
  }
  function pick() { return fromUrl(window.location) || stored() || DEFAULT; }
  function apply(lang) {
    lang = valid(lang) || DEFAULT;
    var root = document.documentElement;
    root.lang = lang;
    root.setAttribute('data-lang', lang);
    document.title = TITLES[lang];
    return lang;
  }

  // Not language, but it too must happen before the body is parsed: the article's prose starts
  // with content-visibility: auto (page.css), so the first layouts cover only what is on screen
  // while the widgets start; page.js ends it once they are ready. Only on a plain visit to the
  // top: the browser would scroll to a place named in the URL (#selu; `name=value` parts are
  // settings) or restored by a reload / back through estimated heights, and land off.
  var nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
  var target = window.location.hash.replace(/^#/, '').split('&').some(function (s) {
    return s !== '' && s.indexOf('=') < 0 && s.charAt(0) !== '-';
  });
  if (!target && (!nav || nav.type === 'navigate')) {
    document.documentElement.classList.add('lazy-layout');
    // Should page.js never run (blocked, failed to load), the prose must not stay out of the
    // accessibility tree: the class goes by itself after 10 s (page.js ends it well before).
    setTimeout(function () { document.documentElement.classList.remove('lazy-layout'); }, 10000);
  }

  window.activationPageLang = Object.freeze({
    LANGS: LANGS.slice(), KEY: KEY, valid: valid, fromUrl: fromUrl, pick: pick, apply: apply, remember: remember,
  });
  apply(pick());
})();
