// The user's location for `{{USER_LOCATION}}`: the browser's position as "lat, long (lat, long)" text
// (three decimals, the stock UI's format), kept in the user's `info.location` as the stock UI does.
import { post } from '../api/http';

export function readPosition(geo: Geolocation | undefined = navigator.geolocation): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!geo) return reject(new Error('Geolocation is not available in this browser'));
    geo.getCurrentPosition(
      (p) => resolve(`${p.coords.latitude.toFixed(3)}, ${p.coords.longitude.toFixed(3)} (lat, long)`),
      (e) => reject(new Error(e.message || 'Location access not allowed'))
    );
  });
}

export const saveLocation = (location: string) => post<Record<string, unknown>>('/api/v1/users/user/info/update', { location });

/** Reads the position and stores it; undefined when the browser gives none. */
export async function locateAndSave(): Promise<string | undefined> {
  try {
    const location = await readPosition();
    await saveLocation(location);
    return location;
  } catch {
    return undefined;
  }
}
