// Copying an answer: its Markdown as it is, or (the `copyFormatted` setting) as formatted text: the
// rendered HTML for editors that take it, and the text a reader sees, without Markdown marks, as plain text.
import { renderMarkdown } from '../markdown/render';

export function formattedCopy(md: string): { html: string; plain: string } {
  const html = renderMarkdown(md);
  const box = document.createElement('div');
  box.innerHTML = html;
  box.querySelectorAll('button').forEach((b) => b.remove());
  return { html: box.innerHTML, plain: (box.innerText ?? box.textContent ?? '').trim() || md };
}

export async function copyText(md: string, formatted: boolean): Promise<void> {
  if (!formatted || typeof ClipboardItem === 'undefined') return navigator.clipboard.writeText(md);
  const { html, plain } = formattedCopy(md);
  await navigator.clipboard.write([
    new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([plain], { type: 'text/plain' }) })
  ]);
}
