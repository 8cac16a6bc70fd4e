// The caret of a contenteditable as a character offset into its text, and back: kept across a
// re-render of the rich-text body after a remote change (the text before the caret is what counts).

export function caretOffset(root: HTMLElement): number | null {
  const sel = root.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0 || !root.contains(sel.anchorNode)) return null;
  const range = sel.getRangeAt(0).cloneRange();
  range.selectNodeContents(root);
  range.setEnd(sel.anchorNode!, sel.anchorOffset);
  return range.toString().length;
}

export function placeCaret(root: HTMLElement, offset: number): void {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let left = offset;
  let node = walker.nextNode();
  let last: Node | null = null;
  while (node) {
    const len = node.textContent?.length ?? 0;
    if (left <= len) break;
    left -= len;
    last = node;
    node = walker.nextNode();
  }
  const target = node ?? last;
  if (!target) return;
  const range = doc.createRange();
  range.setStart(target, node ? left : (target.textContent?.length ?? 0));
  range.collapse(true);
  const sel = doc.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}
