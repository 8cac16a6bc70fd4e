import { describe, expect, it } from 'vitest';
import { grantsOf, levelOf, privateAccess, setLevel } from '../src/lib/access';

describe('access_control editing (docs/contract.md, Access control)', () => {
  it('treats null as public and {} as owner-only with no grants', () => {
    expect(levelOf(null, 'user_ids', 'u1')).toBeNull();
    expect(grantsOf({})).toEqual(privateAccess());
  });

  it('write access is listed under read too, and changing the level moves the id', () => {
    let ac = setLevel({}, 'user_ids', 'u1', 'write');
    expect(ac).toEqual({ read: { group_ids: [], user_ids: ['u1'] }, write: { group_ids: [], user_ids: ['u1'] } });
    expect(levelOf(ac, 'user_ids', 'u1')).toBe('write');
    ac = setLevel(ac, 'user_ids', 'u1', 'read');
    expect(ac.write.user_ids).toEqual([]);
    expect(levelOf(ac, 'user_ids', 'u1')).toBe('read');
  });

  it('revoking removes only that id and leaves the input untouched', () => {
    const start = { read: { group_ids: ['g1', 'g2'], user_ids: [] }, write: { group_ids: ['g1'], user_ids: [] } };
    const next = setLevel(start, 'group_ids', 'g1', null);
    expect(next.read.group_ids).toEqual(['g2']);
    expect(next.write.group_ids).toEqual([]);
    expect(start.read.group_ids).toEqual(['g1', 'g2']);
  });

  it('never lists an id twice when granted again', () => {
    const ac = setLevel(setLevel({}, 'group_ids', 'g', 'read'), 'group_ids', 'g', 'read');
    expect(ac.read.group_ids).toEqual(['g']);
  });
});
