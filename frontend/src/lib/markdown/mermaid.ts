// Fenced ```mermaid blocks: rendered as an ordinary code block, marked `data-mermaid` once its
// closing fence has arrived (a block still streaming stays code). The drawing (diagrams.ts, with
// mermaid) is a separate chunk that Markdown.svelte fetches when a message has a marked block.

/** Whether a code token's raw text ends with its closing fence (not a block cut off mid-stream). */
export function closedFence(raw: string): boolean {
  const lines = raw.replace(/\n+$/, '').split('\n');
  if (lines.length < 2) return false;
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(lines[0]);
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1]);
  return !!open && !!close && close[1][0] === open[1][0] && close[1].length >= open[1].length;
}

export function isMermaid(language: string): boolean {
  return language.toLowerCase() === 'mermaid';
}
