// The words of an answer worth speaking (read-aloud and call mode).

/** The words of a Markdown answer: code blocks, images, link targets and markup left out. */
export function speakable(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/<details[\s\S]*?<\/details>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/(\*\*|__|~~|\*|_)(\S[\s\S]*?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}
