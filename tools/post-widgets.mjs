// The mapping used by tools/convert-post.mjs: each static image of the post
// (_posts/2020-07-09-activation-functions.md) and the live widget that replaces it.
// Candidates are tried in order; the first whose element the bundle defines is used (the
// bundle lists its elements in dist/activation-widgets.json), so a widget a teammate adds
// later takes over without editing the post. Documented in jekyll/README.md.
//
//  image                  widget                                          why
//  /img/activate1.png     <universal-approximation>, else <activation-race> the intro: without a nonlinearity
//                                                                          stacked layers stay linear; with one
//                                                                          they fit any continuous function
//  /img/sigmoid.png       <activation-plot fn="sigmoid" show="f">          σ(x), range (0, 1)
//  /img/dsigmoid.png      <activation-plot fn="sigmoid" show="df" log-df>  σ′(x): max 1/4 at 0, vanishes in the
//                                                                          tails (log axis shows how fast)
//  /img/tanh.png          <activation-plot fn="tanh" show="f">             tanh(x), range (−1, 1)
//  /img/dtanh.png         <activation-plot fn="tanh" show="df" log-df>     tanh′(x) = 1 − tanh², max 1
//  /img/relu.png          <activation-plot fn="relu">                      f and f′ (0 for x < 0: dying ReLU)
//  /img/leaky_relu.png    <activation-plot fn="leaky_relu" alpha="0.2">    the post's α = 0.2 (0.01 is invisible)
//  /img/elu.png           <activation-plot fn="elu" alpha="1">             smooth at 0 when α = 1 (slider)
export const POST_IMAGES = {
  'activate1.png': [
    { tag: 'universal-approximation', attrs: {} },
    { tag: 'activation-race', attrs: {} },
  ],
  'sigmoid.png': [{ tag: 'activation-plot', attrs: { fn: 'sigmoid', show: 'f' } }],
  'dsigmoid.png': [{ tag: 'activation-plot', attrs: { fn: 'sigmoid', show: 'df', 'log-df': '' } }],
  'tanh.png': [{ tag: 'activation-plot', attrs: { fn: 'tanh', show: 'f' } }],
  'dtanh.png': [{ tag: 'activation-plot', attrs: { fn: 'tanh', show: 'df', 'log-df': '' } }],
  'relu.png': [{ tag: 'activation-plot', attrs: { fn: 'relu' } }],
  'leaky_relu.png': [{ tag: 'activation-plot', attrs: { fn: 'leaky_relu', alpha: '0.2' } }],
  'elu.png': [{ tag: 'activation-plot', attrs: { fn: 'elu', alpha: '1' } }],
};
