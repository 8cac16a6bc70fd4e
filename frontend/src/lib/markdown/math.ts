// TeX in Markdown: $$…$$ and \[…\] as display maths, $…$ and \(…\) inline, rendered by KaTeX
// as MathML (the browser lays it out: no KaTeX stylesheet or fonts to download).
import type { MarkedExtension, Tokens } from 'marked';
import { lazy } from '../lazy';
import { escapeHtml } from './text';

const katex = lazy(() => import('katex').then((m) => m.default));

const BLOCK = /^(?:\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\])[ \t]*(?:\n+|$)/;
// `$` maths must hug its content, stay on one line, not reach into inline code and not precede a
// digit, so "costs $5 or $10" and "`$x$`" stay text.
const INLINE = /^(?:\$\$([^`]+?)\$\$|\$(?=[^\s$])((?:\\.|[^\\\n$`])*?[^\s\\`])\$(?!\d)|\\\(([^`]+?)\\\))/;

interface MathToken extends Tokens.Generic {
  text: string;
  display: boolean;
}

function renderTex(text: string, display: boolean, raw: string): string {
  const k = katex.get();
  if (!k) {
    katex.want();
    return `<code class="math-pending">${escapeHtml(raw)}</code>`;
  }
  return k.renderToString(text, { displayMode: display, output: 'mathml', throwOnError: false, strict: 'ignore', trust: false });
}

export const mathExtension: MarkedExtension = {
  extensions: [
    {
      name: 'blockMath',
      level: 'block',
      tokenizer(src) {
        const m = BLOCK.exec(src);
        if (m) return { type: 'blockMath', raw: m[0], text: (m[1] ?? m[2]).trim(), display: true } as MathToken;
      },
      renderer: (t) => `<p class="math-block">${renderTex(t.text, true, t.raw.trim())}</p>`
    },
    {
      name: 'inlineMath',
      level: 'inline',
      start: (src) => src.match(/\$|\\\(/)?.index,
      tokenizer(src) {
        const m = INLINE.exec(src);
        if (m) return { type: 'inlineMath', raw: m[0], text: (m[1] ?? m[2] ?? m[3]).trim(), display: m[1] !== undefined } as MathToken;
      },
      renderer: (t) => renderTex(t.text, t.display, t.raw)
    }
  ]
};
