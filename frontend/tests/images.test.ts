import { describe, expect, it } from 'vitest';
import { fitScale } from '../src/lib/chat/images';

describe('fitScale', () => {
  it('shrinks to the tighter limit and never enlarges', () => {
    expect(fitScale(2000, 1000, 1000, null)).toBe(0.5);
    expect(fitScale(2000, 1000, 1000, 250)).toBe(0.25);
    expect(fitScale(400, 300, 1000, 1000)).toBe(1);
    expect(fitScale(400, 300, null, null)).toBe(1);
  });
});
