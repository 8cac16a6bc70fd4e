import { describe, expect, it } from 'vitest';
import type { ChannelMessage } from '../src/lib/api/channels';
import { applyChannelEvent, hasReacted, typers, TYPING_MS, withOwn, type ChannelEvent } from '../src/lib/channels/events';

const msg = (id: string, parent_id: string | null = null, extra: Partial<ChannelMessage> = {}): ChannelMessage => ({
  id, user_id: 'u1', channel_id: 'c1', parent_id, content: id, data: {}, meta: {}, created_at: 1, updated_at: 1, reactions: [], reply_count: 0, ...extra
});
const ev = (type: string, data: unknown): ChannelEvent => ({ channel_id: 'c1', message_id: null, data: { type, data } });

describe('channel-events applied to a message list (docs/channels.md, Events)', () => {
  it('adds new top-level messages to the channel, thread replies only to their thread', () => {
    const list = [msg('a')];
    expect(applyChannelEvent(list, ev('message', msg('b')), null).map((m) => m.id)).toEqual(['a', 'b']);
    expect(applyChannelEvent(list, ev('message', msg('r', 'a')), null)).toBe(list);
    expect(applyChannelEvent([], ev('message', msg('r', 'a')), 'a').map((m) => m.id)).toEqual(['r']);
  });

  it('does not duplicate a message already shown (own post answered first)', () => {
    const list = withOwn([msg('a')], msg('b'));
    expect(applyChannelEvent(list, ev('message', msg('b')), null)).toHaveLength(2);
    expect(withOwn(list, msg('b'))).toHaveLength(2);
  });

  it('replaces in place on update, reply counts and reactions; removes on delete', () => {
    const list = [msg('a'), msg('b')];
    const edited = applyChannelEvent(list, ev('message:update', msg('a', null, { content: 'edited' })), null);
    expect(edited.map((m) => m.content)).toEqual(['edited', 'b']);
    const replied = applyChannelEvent(edited, ev('message:reply', msg('b', null, { reply_count: 3 })), null);
    expect(replied[1].reply_count).toBe(3);
    const reacted = applyChannelEvent(replied, ev('message:reaction:add', { ...msg('b'), reactions: [{ name: 'heart', user_ids: ['u2'], count: 1 }], name: 'heart' }), null);
    expect(hasReacted(reacted[1], 'heart', 'u2')).toBe(true);
    expect(hasReacted(reacted[1], 'heart', 'u1')).toBe(false);
    expect(applyChannelEvent(reacted, ev('message:delete', msg('a')), null).map((m) => m.id)).toEqual(['b']);
  });

  it('ignores typing, unknown types, missing data and unknown ids', () => {
    const list = [msg('a')];
    expect(applyChannelEvent(list, ev('typing', { typing: true }), null)).toBe(list);
    expect(applyChannelEvent(list, ev('message:pin', msg('a')), null)).toBe(list);
    expect(applyChannelEvent(list, ev('message:update', null), null)).toBe(list);
    expect(applyChannelEvent(list, ev('message:update', msg('zzz')), null)).toBe(list);
  });
});

describe('typing indicator', () => {
  it('lists others seen typing within five seconds, never oneself', () => {
    const seen = { me: { name: 'Me', at: 1000 }, b: { name: 'Bob', at: 1000 }, a: { name: 'Ann', at: 500 }, old: { name: 'Old', at: 1000 - TYPING_MS } };
    expect(typers(seen, 'me', 1000)).toEqual(['Ann', 'Bob']);
    expect(typers(seen, 'me', 1000 + TYPING_MS)).toEqual([]);
  });
});
