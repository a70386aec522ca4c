// tools/convert-post.mjs without a browser: the mapping covers every plot image of the post, the
// rest of the post is untouched, a second run changes nothing, candidates follow the bundle's
// elements, and hostile image tags never turn into markup of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { convertPost, parseTag, imageName, widgetTag, protectMathPipes } from '../../tools/convert-post.mjs';
import { POST_IMAGES } from '../../tools/post-widgets.mjs';
import { findPost } from './site.mjs';

const post = fs.readFileSync(findPost(), 'utf8');
// The images the post shows, read straight from its text (independent of the converter's regex).
const postImages = [...post.matchAll(/src='\/img\/([\w.]+\.png)'/g)].map((m) => m[1]);

test('every image of the post has a mapping, and the mapping has nothing the post lacks', () => {
  assert.deepEqual([...new Set(postImages)].sort(), Object.keys(POST_IMAGES).sort());
  assert.deepEqual(postImages.sort(), ['activate1.png', 'dsigmoid.png', 'dtanh.png', 'elu.png', 'leaky_relu.png', 'relu.png', 'sigmoid.png', 'tanh.png']);
});

test('converting the post replaces exactly the eight images and leaves every other line as it was', () => {
  const r = convertPost(post, { elements: ['activation-plot', 'activation-race'] });
  assert.equal(r.replaced.length, 8);
  assert.deepEqual(r.skipped, []);
  assert.doesNotMatch(r.text, /<img /);
  assert.match(r.text, /^---\r?\nactivation_widgets: true\n/);
  assert.match(r.text, /<activation-plot fn="sigmoid" show="df" log-df data-replaces="\/img\/dsigmoid\.png"><\/activation-plot>/);
  assert.match(r.text, /<activation-plot fn="elu" alpha="1" data-replaces="\/img\/elu\.png"><\/activation-plot>/);
  assert.match(r.text, /image: \/img\/activate\.png/, 'front-matter image (not a tag) kept');
  // the one formula with | (kramdown would read it as a table row) is the only other change
  const before = post.replace('$$|x|$$', () => '$$\\vert x\\vert $$').split('\n').filter((l) => !l.includes('<img '));
  assert.equal(r.pipes, 2);
  const after = r.text.split('\n').filter((l) => !l.includes('data-replaces=') && l !== 'activation_widgets: true');
  assert.deepEqual(after, before);
});

test('a second run changes nothing', () => {
  const once = convertPost(post).text;
  const twice = convertPost(once);
  assert.equal(twice.text, once);
  assert.equal(twice.replaced.length, 0);
});

test('candidates follow the elements the bundle defines', () => {
  const withUA = convertPost(post, { elements: ['activation-plot', 'universal-approximation', 'activation-race'] });
  assert.equal(withUA.replaced.find((x) => x.src === '/img/activate1.png').tag, 'universal-approximation');
  const race = convertPost(post, { elements: ['activation-plot', 'activation-race'] });
  assert.equal(race.replaced.find((x) => x.src === '/img/activate1.png').tag, 'activation-race');
  const none = convertPost(post, { elements: ['activation-plot'] });
  assert.deepEqual(none.skipped, ['/img/activate1.png'], 'no candidate defined: the image stays');
});

test('image tags: attribute parsing, other images untouched, hostile values escaped', () => {
  assert.deepEqual(parseTag(`<img src='/img/relu.png' width='300'>`), { src: '/img/relu.png', width: '300' });
  assert.deepEqual(parseTag('<img alt="a > b" src=/img/tanh.png />'), { alt: 'a > b', src: '/img/tanh.png' });
  assert.equal(imageName('{{ site.baseurl }}/img/elu.png'), 'elu.png');
  assert.equal(imageName('/images/elu.png'), null);
  assert.equal(imageName('/img/elu.png.js'), null);
  const other = 'x <img src="/img/cat.png"> <img src="https://example.org/img/relu.png.html"> y';
  assert.equal(convertPost(other).text, other);
  const hostile = `<img src='/img/relu.png' onerror='alert(1)'><img src="/img/relu.png?&quot;&gt;<script>">`;
  const r = convertPost(hostile);
  assert.equal(r.replaced.length, 2);
  assert.doesNotMatch(r.text, /onerror|<script/);
  assert.match(r.text, /data-replaces="\/img\/relu\.png\?&amp;quot;&amp;gt;&lt;script&gt;"/);
  assert.throws(() => widgetTag({ tag: 'img onerror=x', attrs: {} }, '/img/x.png'), /not a custom element name/);
});

test('| inside $$…$$ becomes \\vert (kramdown tables), a norm \\| and text outside math stay', () => {
  assert.deepEqual(protectMathPipes('a | b $$|x|+\\|v\\|$$ c | d'), { text: 'a | b $$\\vert x\\vert +\\|v\\|$$ c | d', count: 2 });
  assert.deepEqual(protectMathPipes('$$\\left|\nx\n\\right|$$'), { text: '$$\\left\\vert \nx\n\\right\\vert $$', count: 2 });
  assert.equal(protectMathPipes('no math | here').count, 0);
});
