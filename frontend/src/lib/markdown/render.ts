// Markdown → sanitized HTML for chat messages and notes: marked parses (GFM, task lists, maths),
// code.ts and math.ts render the heavy parts, DOMPurify removes anything executable (a model's
// output and a user's text are untrusted input).
import { Marked } from 'marked';
import DOMPurify from 'dompurify';
import { renderCode } from './code';
import { tracking } from '../lazy';
import { mathExtension } from './math';

const marked = new Marked(
  {
    gfm: true,
    breaks: true,
    renderer: {
      code: renderCode,
      // Task lists: a read-only box instead of a disabled <input> (inputs are not allowed through).
      checkbox: ({ checked }) => `<span class="task-box" role="checkbox" aria-checked="${checked}" aria-readonly="true"></span> `,
      listitem(item) {
        if (!item.task) return false;
        return `<li class="task-item">${this.parser.parse(item.tokens)}</li>\n`;
      }
    }
  },
  mathExtension
);

let hooked = false;
function purifier() {
  if (!hooked) {
    // Links from a model open in a new tab and never get the opener.
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.getAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

function sanitize(html: string): string {
  return purifier().sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
    // KaTeX's MathML keeps the TeX source in <semantics><annotation>; the browser shows only the maths.
    ADD_TAGS: ['semantics', 'annotation']
  });
}

/** Renders with whatever renderers are loaded now (code unhighlighted, maths as TeX otherwise). */
export function renderMarkdown(source: string): string {
  return sanitize(marked.parse(source, { async: false }) as string);
}

/**
 * Renders like renderMarkdown and also says whether the text needed a renderer that is not loaded
 * yet: `pending` then resolves once it is, and rendering again gives the full result.
 */
export function renderRich(source: string): { html: string; pending: Promise<unknown> | null } {
  const { value, pending } = tracking(() => renderMarkdown(source));
  return { html: value, pending };
}

/** Loads every renderer `source` needs, then renders it fully. */
export async function renderComplete(source: string): Promise<string> {
  for (let i = 0; i < 3; i++) {
    const { html, pending } = renderRich(source);
    if (!pending) return html;
    await pending;
  }
  return renderMarkdown(source);
}
