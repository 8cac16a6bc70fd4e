// The chat's files (the chat's `files`, shown in the chat controls): documents and knowledge bases
// sent in this chat keep going with its later completions, as in the stock UI, until removed there.
// Images are not among them; they travel inside their message.

type Item = Record<string, unknown>;
const KEPT = ['doc', 'text', 'file', 'note', 'chat', 'collection'];

const keep = (f: unknown): f is Item => !!f && typeof f === 'object' && KEPT.includes(String((f as Item).type));

function unique(list: Item[]): Item[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const key = JSON.stringify(f);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** The chat's files after a message with `sent` attached. */
export function withSent(chatFiles: Item[], sent: unknown[]): Item[] {
  return unique([...chatFiles, ...sent.filter(keep)]);
}

/**
 * What a completion sends: the chat's files still attached to a message of the branch being answered
 * (`chatFiles`, pruned to those), plus the files of the message answered.
 */
export function forCompletion(chatFiles: Item[], branchFiles: unknown[], answeredFiles: unknown[] = []): { chatFiles: Item[]; files: Item[] } {
  const ids = new Set(branchFiles.filter(keep).map((f) => f.id));
  const pruned = chatFiles.filter((f) => ids.has(f.id));
  return { chatFiles: pruned, files: unique([...pruned, ...answeredFiles.filter(keep)]) };
}

export function without(chatFiles: Item[], index: number): Item[] {
  return chatFiles.filter((_, i) => i !== index);
}
