import { describe, expect, it } from 'vitest';
import { freeFolderName, isWithin } from '../src/lib/sidebar.svelte';
import type { Folder } from '../src/lib/types';

const f = (id: string, parent_id: string | null, name = id): Folder => ({ id, parent_id, user_id: 'u', name, is_expanded: false, created_at: 1, updated_at: 1 });

describe('nested folders', () => {
  const tree = [f('a', null), f('b', 'a'), f('c', 'b'), f('d', null)];

  it('knows when a folder lies below another (no moving a folder into itself)', () => {
    expect(isWithin(tree, 'c', 'a')).toBe(true);
    expect(isWithin(tree, 'a', 'a')).toBe(true);
    expect(isWithin(tree, 'd', 'a')).toBe(false);
    expect(isWithin(tree, null, 'a')).toBe(false);
  });

  it('stops on a parent cycle in bad data', () => {
    expect(isWithin([f('x', 'y'), f('y', 'x')], 'x', 'z')).toBe(false);
  });

  it('picks a name unused among the siblings only', () => {
    const folders = [f('1', null, 'New Folder'), f('2', null, 'New Folder 2'), f('3', 'p', 'New Folder')];
    expect(freeFolderName(folders, null)).toBe('New Folder 3');
    expect(freeFolderName(folders, 'p')).toBe('New Folder 2');
    expect(freeFolderName(folders, 'q')).toBe('New Folder');
  });
});
