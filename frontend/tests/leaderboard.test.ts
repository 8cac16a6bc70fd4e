import { describe, expect, it } from 'vitest';
import { eloStats, rankModels, topicWeight, topTags, type RatedFeedback } from '../src/lib/admin/leaderboard';
import type { ModelEntry } from '../src/lib/types';

const rating = (id: string, model: string, value: number | string, siblings: string[] | null, extra: Record<string, unknown> = {}): RatedFeedback => ({
  id, data: { rating: value as number, model_id: model, sibling_model_ids: siblings, ...extra }
});

describe('Elo from ratings', () => {
  it('a win against an equal model moves both by K/2', () => {
    const s = eloStats([rating('f1', 'a', 1, ['b'])]);
    expect(s.get('a')).toEqual({ rating: 1016, won: 1, lost: 0 });
    expect(s.get('b')).toEqual({ rating: 984, won: 0, lost: 1 });
  });

  it('the underdog gains more than K/2 when it wins', () => {
    const s = eloStats([rating('f1', 'a', 1, ['b']), rating('f2', 'b', '1', ['a'])]);
    expect(s.get('b')!.rating).toBeCloseTo(1001.47, 2);
    expect(s.get('a')!.rating).toBeCloseTo(998.53, 2);
    expect(s.get('a')).toMatchObject({ won: 1, lost: 1 });
  });

  it('a model rated for the first time plays all its opponents from 1000, as stock does', () => {
    const s = eloStats([rating('f1', 'a', 1, ['b', 'c'])]);
    expect(s.get('a')!.rating).toBe(1032);
    expect(s.get('c')!.rating).toBe(984);
    expect(s.get('a')!.won).toBe(2);
  });

  it('skips ratings without opponents, model or a valid value', () => {
    const s = eloStats([rating('f1', 'a', 1, null), rating('f2', '', 1, ['b']), rating('f3', 'a', 0, ['b']), rating('f4', 'a', 5, ['b'])]);
    expect(s.size).toBe(0);
  });

  it('a weight of zero leaves the rating but still counts the match', () => {
    const s = eloStats([rating('f1', 'a', -1, ['b'])], () => 0);
    expect(s.get('a')).toEqual({ rating: 1000, won: 0, lost: 1 });
  });
});

describe('ranking', () => {
  const models: ModelEntry[] = [
    { id: 'z', name: 'Zeta' }, { id: 'a', name: 'Alpha' }, { id: 'b', name: 'Beta' },
    { id: 'arena', name: 'Arena', owned_by: 'arena' }, { id: 'h', name: 'Hidden', info: { meta: { hidden: true } } }
  ];

  it('orders rated models by rating, then unrated by name, without arena and hidden models', () => {
    const ranked = rankModels(models, eloStats([rating('f1', 'b', 1, ['a'])]));
    expect(ranked.map((r) => [r.model.id, r.rating])).toEqual([['b', 1016], ['a', 984], ['z', null]]);
  });

  it('topic weight: every query word in the tags, reason or comment', () => {
    const w = topicWeight('python Code');
    expect(w(rating('f1', 'a', 1, ['b'], { tags: ['python'], comment: 'good code' }))).toBe(1);
    expect(w(rating('f2', 'a', 1, ['b'], { tags: ['python'] }))).toBe(0);
    expect(topicWeight('  ')(rating('f3', 'a', 1, ['b']))).toBe(1);
  });

  it('re-ranking by topic only counts the matching ratings', () => {
    const feedbacks = [rating('f1', 'a', 1, ['b'], { tags: ['maths'] }), rating('f2', 'b', 1, ['a'], { tags: ['poetry'] }), rating('f3', 'b', 1, ['a'], { tags: ['poetry'] })];
    const byId = new Map(feedbacks.map((f) => [f.id, f]));
    const w = topicWeight('maths');
    const ranked = rankModels(models, eloStats(feedbacks, (id) => w(byId.get(id)!)));
    expect(ranked[0].model.id).toBe('a');
    expect(rankModels(models, eloStats(feedbacks))[0].model.id).toBe('b');
  });

  it('top tags of one model, most frequent first', () => {
    const feedbacks = [rating('1', 'a', 1, null, { tags: ['x', 'y'] }), rating('2', 'a', 1, null, { tags: ['y'] }), rating('3', 'b', 1, null, { tags: ['x'] })];
    expect(topTags(feedbacks, 'a')).toEqual([{ tag: 'y', count: 2 }, { tag: 'x', count: 1 }]);
  });
});
