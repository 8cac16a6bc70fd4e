import { describe, expect, it } from 'vitest';
import { dismissVersion, dismissedVersion, isNewer, sectionsOf } from '../src/lib/updates/updates';

describe('update notice', () => {
  it('compares dotted versions by number', () => {
    expect(isNewer('0.6.40', '0.6.32')).toBe(true);
    expect(isNewer('v0.7.0', '0.6.32')).toBe(true);
    expect(isNewer('0.6.32', '0.6.32')).toBe(false);
    expect(isNewer('0.6.9', '0.6.32')).toBe(false);
    expect(isNewer('1.0', '0.9.9')).toBe(true);
  });

  it('remembers the version whose notice was closed', () => {
    localStorage.clear();
    expect(dismissedVersion()).toBeNull();
    dismissVersion('0.6.40');
    expect(dismissedVersion()).toBe('0.6.40');
  });
});

describe('changelog', () => {
  it('lists the sections of a version without its date', () => {
    const entry = { title: 'Notes', content: 'shared editing' };
    expect(sectionsOf({ date: '2025-09-29', added: [entry], fixed: [] })).toEqual([['added', [entry]], ['fixed', []]]);
  });
});
