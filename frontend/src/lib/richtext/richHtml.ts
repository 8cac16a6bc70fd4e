// Markdown → the HTML of the rich-text mode: plain marked output (no code-block chrome, no maths
// rendering) so that every element maps back through domToMarkdown; task boxes are real checkboxes
// the user can tick. Sanitised like every rendering of user text.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    checkbox: ({ checked }) => `<input type="checkbox"${checked ? ' checked' : ''}> `
  }
});

export function richHtml(md: string): string {
  const html = DOMPurify.sanitize(marked.parse(md, { async: false }) as string, {
    FORBID_TAGS: ['style', 'form', 'textarea', 'select', 'button', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style']
  });
  if (!html.includes('<input')) return html;
  // Only task boxes may stay: other inputs are dropped.
  const box = document.createElement('div');
  box.innerHTML = html;
  box.querySelectorAll('input').forEach((input) => (input.type === 'checkbox' ? input.removeAttribute('disabled') : input.remove()));
  return box.innerHTML;
}
