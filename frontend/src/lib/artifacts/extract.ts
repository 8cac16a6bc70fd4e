// Artifacts: the renderable parts of the answers in a branch. As in the stock UI, an answer's
// html, css and js fenced blocks (and bare <html>, <style>, <script> elements in its text) are
// joined into one page; an answer without any of them offers its svg blocks instead.

export type Artifact = { messageId: string; kind: 'page' | 'svg'; content: string };
type Answer = { id: string; role: string; content: string };
type Block = { lang: string; code: string };

const FENCE = /^```([^\n`]*)\n([\s\S]*?)^```/gm;

export function fencedBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const m of text.matchAll(FENCE)) blocks.push({ lang: m[1].trim().split(/\s+/)[0].toLowerCase(), code: m[2] });
  return blocks;
}

/** Bodies of the bare `<tag>…</tag>` elements written outside code blocks. */
function inlineElements(text: string, tag: string): string[] {
  const outside = text.replace(FENCE, '');
  return [...outside.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'gi'))].map((m) => m[1]);
}

export function isSvgBlock(b: Block): boolean {
  return b.lang === 'svg' || (b.lang === 'xml' && b.code.includes('<svg'));
}

/** Whether a block should open the artifacts panel by itself (stock: html, svg, or xml holding an svg). */
export function opensPanel(b: Block): boolean {
  return b.lang === 'html' || isSvgBlock(b);
}

export function composePage(html: string, css: string, js: string): string {
  const close = (tag: string) => `</${tag}>`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<style>body { background: white; }\n${css}${close('style')}`,
    '</head><body>',
    html,
    js ? `<script>\n${js}${close('script')}` : '',
    '</body></html>'
  ].join('\n');
}

export function artifactsOf(answer: Answer): Artifact[] {
  if (answer.role === 'user' || !answer.content) return [];
  const blocks = fencedBlocks(answer.content);
  const pick = (langs: string[], tag: string) =>
    [...blocks.filter((b) => langs.includes(b.lang)).map((b) => b.code), ...inlineElements(answer.content, tag)].join('\n');
  const html = pick(['html'], 'html');
  const css = pick(['css'], 'style');
  const js = pick(['javascript', 'js'], 'script');
  if (html.trim() || css.trim() || js.trim()) return [{ messageId: answer.id, kind: 'page', content: composePage(html, css, js) }];
  return blocks.filter(isSvgBlock).map((b) => ({ messageId: answer.id, kind: 'svg', content: b.code }));
}

/** Every artifact of the branch, oldest first: the versions the panel switches between. */
export function artifactsOfBranch(messages: Answer[]): Artifact[] {
  return messages.flatMap(artifactsOf);
}

/** Whether any answer in the branch has a block that opens the panel by itself. */
export function hasOpeningBlock(messages: Answer[]): boolean {
  return messages.some((m) => m.role !== 'user' && !!m.content && fencedBlocks(m.content).some(opensPanel));
}
