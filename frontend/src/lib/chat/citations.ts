// Groups an answer's `sources` (each `{source, document[], metadata[]}`) by source name: one entry per
// chip, with every passage the answer was given from it.

export interface Citation {
  name: string;
  url?: string;
  passages: { text: string; label?: string }[];
}

type RawSource = {
  source?: { name?: string; id?: string; url?: string };
  document?: unknown[];
  metadata?: { source?: string; name?: string; page?: number; relevance_score?: number }[];
  distances?: number[];
};

const isUrl = (u: unknown): u is string => typeof u === 'string' && /^https?:\/\//.test(u);

export function citations(list: unknown[]): Citation[] {
  const byName = new Map<string, Citation>();
  for (const raw of list) {
    const s = raw as RawSource;
    const docs = Array.isArray(s.document) ? s.document : [];
    const metas = s.metadata ?? [];
    const count = Math.max(docs.length, 1);
    for (let i = 0; i < count; i++) {
      const meta = metas[i] ?? metas[0];
      const name = s.source?.name || meta?.name || meta?.source || s.source?.id || 'Source';
      const entry = byName.get(name) ?? { name, url: [s.source?.url, meta?.source].find(isUrl), passages: [] };
      byName.set(name, entry);
      const text = docs[i];
      if (typeof text === 'string' && text.trim()) {
        const page = typeof metas[i]?.page === 'number' ? `Page ${metas[i]!.page! + 1}` : undefined;
        entry.passages.push({ text, label: page });
      }
    }
  }
  return [...byName.values()];
}
