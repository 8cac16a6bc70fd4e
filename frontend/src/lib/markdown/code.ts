// Fenced code blocks: language, line numbers, collapse and copy; colours from highlight.js
// (common languages), loaded the first time a message has a code block.
import type { Tokens } from 'marked';
import { lazy } from '../lazy';
import { closedFence, isMermaid } from './mermaid';
import { escapeHtml } from './text';

const highlighter = lazy(() => import('highlight.js/lib/common').then((m) => m.default));

function highlighted(text: string, language: string): { body: string; known: boolean } {
  if (!language) return { body: escapeHtml(text), known: false };
  const hljs = highlighter.get();
  if (!hljs) {
    highlighter.want();
    return { body: escapeHtml(text), known: false };
  }
  if (!hljs.getLanguage(language)) return { body: escapeHtml(text), known: false };
  return { body: hljs.highlight(text, { language, ignoreIllegals: true }).value, known: true };
}

/** The rendered message with every code block collapsed (stock `collapseCodeBlocks`); the button expands it. */
export function collapseCodeBlocks(html: string): string {
  return html
    .replace(/class="code-block"/g, 'class="code-block collapsed"')
    .replace(/(data-collapse-code[^>]*aria-expanded=")true(">)Collapse</g, '$1false$2Expand<');
}

export function renderCode({ text, lang, raw }: Tokens.Code): string {
  const language = (lang ?? '').trim().split(/\s+/)[0];
  const diagram = isMermaid(language);
  const { body, known } = diagram ? { body: escapeHtml(text), known: false } : highlighted(text, language);
  const lines = text.split('\n').length;
  const numbers = Array.from({ length: lines }, (_, i) => i + 1).join('\n');
  return (
    `<div class="code-block"${diagram && closedFence(raw) ? ' data-mermaid' : ''}><div class="code-head"><span class="code-lang">${escapeHtml(language || 'text')}</span>` +
    `<span class="code-actions"><button type="button" class="code-btn" data-collapse-code aria-expanded="true">Collapse</button>` +
    `<button type="button" class="code-btn" data-copy-code>Copy</button></span></div>` +
    `<div class="code-body"><pre class="line-numbers" aria-hidden="true">${numbers}</pre>` +
    `<pre><code class="hljs${known ? ` language-${escapeHtml(language)}` : ''}">${body}</code></pre></div></div>`
  );
}
