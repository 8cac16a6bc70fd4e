// A toolbar or shortcut command applied to a contenteditable with the browser's editing commands
// (shared by the notes' rich-text body and the chat's rich-text message box).
import type { FormatCommand } from './format';

const exec = (name: string, value?: string) => document.execCommand(name, false, value);

function closest(tag: string): Element | null {
  const n = document.getSelection()?.anchorNode;
  return (n && (n.nodeType === 1 ? (n as Element) : n.parentElement))?.closest(tag) ?? null;
}

/** A task box at the start of the current list item (a list is made first when needed). */
function taskItem(root: HTMLElement) {
  let li = closest('li');
  if (!li || !root.contains(li)) {
    exec('insertUnorderedList');
    li = closest('li');
  }
  if (!li) return;
  const box = li.querySelector(':scope > input[type=checkbox]');
  if (box) box.remove();
  else {
    const input = document.createElement('input');
    input.type = 'checkbox';
    li.insertBefore(document.createTextNode(' '), li.firstChild);
    li.insertBefore(input, li.firstChild);
  }
}

/** Applies `c` inside `root` (focused first); `link` asks for the address through `askLink`. False when nothing was done. */
export function richCommand(root: HTMLElement, c: FormatCommand, askLink: () => string | null): boolean {
  root.focus();
  const block = (tag: string) => {
    const inside = closest(tag);
    exec('formatBlock', inside && root.contains(inside) ? 'P' : tag);
  };
  switch (c) {
    case 'bold': exec('bold'); break;
    case 'italic': exec('italic'); break;
    case 'strike': exec('strikeThrough'); break;
    case 'code': {
      const sel = document.getSelection()?.toString() ?? '';
      const escaped = sel.replace(/[&<>]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[ch]!);
      exec('insertHTML', `<code>${escaped || 'code'}</code>`);
      break;
    }
    case 'h1': block('H1'); break;
    case 'h2': block('H2'); break;
    case 'h3': block('H3'); break;
    case 'quote': block('BLOCKQUOTE'); break;
    case 'codeblock': block('PRE'); break;
    case 'bullet': exec('insertUnorderedList'); break;
    case 'numbered': exec('insertOrderedList'); break;
    case 'task': taskItem(root); break;
    case 'link': {
      const url = askLink();
      if (!url) return false;
      if (document.getSelection()?.isCollapsed) {
        const a = document.createElement('a');
        a.href = url;
        a.textContent = url;
        exec('insertHTML', a.outerHTML);
      } else exec('createLink', url);
      break;
    }
  }
  return true;
}
