// Every $$…$$ formula of the post (../shared/post/2020-07-09-activation-functions.md), verbatim,
// deduplicated: equations are facts and the page must render the post's own TeX.
// Extracted with: [...post.matchAll(/\$\$([\s\S]*?)\$\$/g)] (node, once, by hand).
export const POST_TEX = [
  String.raw`\sigma(x)=\frac{1}{1+e^{-x}}`,
  String.raw`\sigma'(x)=\sigma(x)(1-\sigma(x))`,
  String.raw`x=0`,
  String.raw`\frac{1}{4}`,
  String.raw`\begin{vmatrix}
x
\end{vmatrix}`,
  String.raw`\frac{\partial{L}}{\partial{w}}=\frac{\partial{L}}{\partial{a}}\frac{\partial{a}}{\partial{w}}`,
  String.raw`\frac{\partial{a}}{\partial{w}}=x`,
  String.raw`\frac{\partial{L}}{\partial{w}}=\frac{\partial{L}}{\partial{a}}x`,
  String.raw`x`,
  String.raw`\frac{\partial{L}}{\partial{w}}`,
  String.raw`\frac{\partial{L}}{\partial{a}}`,
  String.raw`tanh`,
  String.raw`tanh(x)=2\sigma(2x)-1=\frac{e^x-e^{-x}}{e^x+e^{-x}}`,
  String.raw`tanh'(x)=1-tanh^2(x)`,
  String.raw`|x|`,
  String.raw`x<0`,
  String.raw`f(x)=max(0,x)`,
  String.raw`LeakyReLU_\alpha(x)=max(\alpha x, x)`,
  String.raw`\alpha`,
  String.raw`\alpha=0.2`,
  String.raw`ELU_{\alpha}(x)=\left\{\begin{matrix}
 \alpha(exp(x)-1)&x<0일 때 \\ 
 x&x \geq 0일 때 
\end{matrix}\right.`,
  String.raw`\alpha=1`,
  String.raw`Maxout(x)=max(w_1^Tx+b_1,w_2^Tx+b_2)`,
];

// The ELU case form, with Korean text in math mode (needs the page's post-TeX exception).
export const POST_ELU = POST_TEX[20];
