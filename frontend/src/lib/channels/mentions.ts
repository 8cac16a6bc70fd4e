// @mentions in channel messages, in the stock text format: `<@U:user id|name>` for a user,
// `<@M:model id|name>` for a model (api-service asks a mentioned model to answer in the thread).
// The composer shows `@name`; the picked names become tokens when the message is sent (pure).

export interface Picked {
  kind: 'U' | 'M';
  id: string;
  label: string;
}

const TOKEN = /<@([UMC]):([^|>]+)(?:\|([^>]*))?>/g;

/** A name safe inside a token: no `|`, `<` or `>`. */
const clean = (label: string) => label.replace(/[|<>]/g, '').trim();

export const mentionToken = (p: Picked) => `<@${p.kind}:${p.id}|${clean(p.label)}>`;

/** What the composer inserts for a picked mention. */
export const typedMention = (p: Picked) => `@${clean(p.label)}`;

/** Replaces each picked `@name` still in the text with its token; longer names first, so "@Ann Lee" wins over "@Ann". */
export function encodeMentions(text: string, picked: Picked[]): string {
  const byLength = [...picked].sort((a, b) => clean(b.label).length - clean(a.label).length);
  const tokens: string[] = [];
  let out = text;
  for (const p of byLength) {
    const typed = typedMention(p);
    if (!out.includes(typed)) continue;
    // Placeholders keep a shorter name from matching inside a token already written.
    out = out.split(typed).join(`\u0000${tokens.length}\u0000`);
    tokens.push(mentionToken(p));
  }
  return out.replace(/\u0000(\d+)\u0000/g, (_, i) => tokens[Number(i)]);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The message text with every token shown as a highlighted `@name` (HTML that the Markdown sanitiser keeps). */
export function renderMentions(content: string): string {
  return content.replace(TOKEN, (_, kind: string, id: string, label?: string) =>
    `<span class="mention" data-mention="${escapeHtml(`${kind}:${id}`)}">@${escapeHtml(label || id)}</span>`);
}

/** The ids of the users a message mentions. */
export function mentionedUsers(content: string): string[] {
  return [...content.matchAll(TOKEN)].filter((m) => m[1] === 'U').map((m) => m[2]);
}
