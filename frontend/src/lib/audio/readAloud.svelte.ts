// Read-aloud of answers: one at a time, with the user's voice and speed (see speaker.ts).
import { prepare } from './speaker';
import { speakable } from './speakable';

export { speakable };

export const reading = $state({ id: null as string | null, loading: false });

let current: AbortController | null = null;

export async function readAloud(id: string, markdown: string): Promise<void> {
  stopReading();
  const text = speakable(markdown);
  if (!text) return;
  const controller = (current = new AbortController());
  reading.id = id;
  reading.loading = true;
  try {
    const clip = await prepare(text, controller.signal);
    if (current !== controller) return;
    reading.loading = false;
    await clip.play(controller.signal);
  } catch (e) {
    if ((e as Error)?.name !== 'AbortError' && current === controller) throw e;
  } finally {
    if (current === controller) stopReading();
  }
}

export function stopReading(): void {
  current?.abort();
  current = null;
  reading.id = null;
  reading.loading = false;
}
