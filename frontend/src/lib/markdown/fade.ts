// "Fade Effect for Streaming Text" (stock `chatFadeStreamingText`, on by default): the text a streamed
// answer gained since the last render is wrapped in spans that fade in; what was shown before stays.

/** Wraps the text of `root` after its first `from` characters in `span.fade-in`; returns the text length. */
export function fadeNewText(root: HTMLElement, from: number): number {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let seen = 0;
  for (const node of nodes) {
    const end = seen + node.data.length;
    if (end > from && node.data.trim()) {
      const fresh = from > seen ? node.splitText(from - seen) : node;
      const span = root.ownerDocument.createElement('span');
      span.className = 'fade-in';
      fresh.replaceWith(span);
      span.append(fresh);
    }
    seen = end;
  }
  return seen;
}
