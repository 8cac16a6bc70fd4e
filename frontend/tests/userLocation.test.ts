import { describe, expect, it } from 'vitest';
import { readPosition } from '../src/lib/chat/userLocation';

const geo = (outcome: { lat: number; lon: number } | string): Geolocation =>
  ({
    getCurrentPosition: (ok: PositionCallback, fail?: PositionErrorCallback | null) =>
      typeof outcome === 'string' ? fail?.({ code: 1, message: outcome } as GeolocationPositionError) : ok({ coords: { latitude: outcome.lat, longitude: outcome.lon } } as GeolocationPosition)
  }) as unknown as Geolocation;

describe('user location', () => {
  it('gives the position with three decimals and the (lat, long) note', async () => {
    await expect(readPosition(geo({ lat: 48.85661, lon: -2.35222 }))).resolves.toBe('48.857, -2.352 (lat, long)');
  });

  it('fails with the browser\'s reason when permission is refused', async () => {
    await expect(readPosition(geo('User denied Geolocation'))).rejects.toThrow('User denied Geolocation');
  });
});
