// Admin › Evaluations: models ranked by Elo from the users' ratings, computed as the stock UI does
// (every rating is a match of the rated model against each model answering beside it; K = 32, start 1000).
// Pure: no requests, no state.
import type { ModelEntry } from '../types';

export interface RatedFeedback {
  id: string;
  data?: { rating?: number | string; model_id?: string; sibling_model_ids?: string[] | null; tags?: string[]; reason?: string; comment?: string } | null;
}

export interface ModelStats {
  rating: number;
  won: number;
  lost: number;
}

export interface RankedModel {
  model: ModelEntry;
  /** Rounded Elo, or null when the model never played. */
  rating: number | null;
  won: number;
  lost: number;
}

const K = 32;
const START = 1000;

const expected = (own: number, other: number) => 1 / (1 + 10 ** ((other - own) / 400));

/**
 * Elo per model id. `weight` (0..1 per feedback id) scales each rating's effect, as the stock
 * topic re-ranking does; without it every rating counts fully. Ratings other than 1 / -1 and
 * ratings without a model are skipped; a rating with no sibling models plays no match.
 */
export function eloStats(feedbacks: RatedFeedback[], weight?: (feedbackId: string) => number): Map<string, ModelStats> {
  const stats = new Map<string, ModelStats>();
  const current = (id: string) => stats.get(id) ?? { rating: START, won: 0, lost: 0 };
  const apply = (id: string, change: number, outcome: number) => {
    const s = current(id);
    s.rating += change;
    if (outcome === 1) s.won++;
    else s.lost++;
    stats.set(id, s);
  };
  for (const f of feedbacks) {
    const modelA = f.data?.model_id;
    const rating = String(f.data?.rating ?? '');
    if (!modelA || (rating !== '1' && rating !== '-1')) continue;
    const outcome = rating === '1' ? 1 : 0;
    const w = weight ? weight(f.id) : 1;
    // The stock UI reads the rated model's rating once per feedback: a model seen for the first
    // time plays all its opponents of that feedback from the start rating.
    const a = current(modelA);
    for (const modelB of f.data?.sibling_model_ids ?? []) {
      const b = current(modelB);
      const changeA = K * (outcome - expected(a.rating, b.rating)) * w;
      const changeB = K * (1 - outcome - expected(b.rating, a.rating)) * w;
      apply(modelA, changeA, outcome);
      apply(modelB, changeB, 1 - outcome);
    }
  }
  return stats;
}

/** Visible, non-arena models with their Elo; rated ones first by rating, then the rest by name. */
export function rankModels(models: ModelEntry[], stats: Map<string, ModelStats>): RankedModel[] {
  return models
    .filter((m) => m.owned_by !== 'arena' && !m.arena && m.info?.meta?.hidden !== true)
    .map((model) => {
      const s = stats.get(model.id);
      return { model, rating: s ? Math.round(s.rating) : null, won: s?.won ?? 0, lost: s?.lost ?? 0 };
    })
    .sort((x, y) => {
      if (x.rating !== null && y.rating !== null) return y.rating - x.rating;
      if (x.rating !== null) return -1;
      if (y.rating !== null) return 1;
      return (x.model.name || x.model.id).localeCompare(y.model.name || y.model.id);
    });
}

/**
 * Topic weight of a feedback for a query, without an embedding model: 1 when every word of the
 * query appears in the feedback's tags, reason or comment, else 0. An empty query weighs all 1.
 */
export function topicWeight(query: string): (f: RatedFeedback) => number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return () => 1;
  return (f) => {
    const text = [...(f.data?.tags ?? []), f.data?.reason ?? '', f.data?.comment ?? ''].join(' ').toLowerCase();
    return words.every((w) => text.includes(w)) ? 1 : 0;
  };
}

/** The most frequent tags of one model's ratings, as the stock model dialog lists them. */
export function topTags(feedbacks: RatedFeedback[], modelId: string, limit = 5): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of feedbacks) {
    if (f.data?.model_id !== modelId) continue;
    for (const tag of f.data?.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([tag, count]) => ({ tag, count }));
}
