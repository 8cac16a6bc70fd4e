import { describe, expect, it } from 'vitest';
import { dateGroup, groupByDate } from '../src/lib/dates';

const now = new Date(2026, 10, 22, 15, 0, 0); // 22 Nov 2026, local time
const at = (y: number, mo: number, d: number, h = 12) => Math.floor(new Date(y, mo, d, h).getTime() / 1000);

describe('date groups', () => {
  it('names recent days and older months like Open WebUI', () => {
    expect(dateGroup(at(2026, 10, 22, 0), now)).toBe('Today');
    expect(dateGroup(at(2026, 10, 21, 23), now)).toBe('Yesterday');
    expect(dateGroup(at(2026, 10, 15), now)).toBe('Previous 7 days');
    expect(dateGroup(at(2026, 10, 14), now)).toBe('Previous 30 days');
    expect(dateGroup(at(2026, 9, 23), now)).toBe('Previous 30 days');
    expect(dateGroup(at(2026, 9, 22), now)).toBe('October');
    expect(dateGroup(at(2025, 10, 30), now)).toBe('November 2025');
  });

  it('treats a timestamp slightly in the future as today', () => {
    expect(dateGroup(at(2026, 10, 22, 16), now)).toBe('Today');
  });

  it('groups a newest-first list without reordering it', () => {
    const items = [
      { id: 'a', updated_at: at(2026, 10, 22) },
      { id: 'b', updated_at: at(2026, 10, 22, 1) },
      { id: 'c', updated_at: at(2026, 10, 21) },
      { id: 'd', updated_at: at(2026, 1, 3) }
    ];
    expect(groupByDate(items, now).map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([
      ['Today', ['a', 'b']],
      ['Yesterday', ['c']],
      ['February', ['d']]
    ]);
    expect(groupByDate([], now)).toEqual([]);
  });
});
