// The video of a call: off, or one running source (a camera or the shared screen) that the user
// can switch during the call. Call mode takes its frame when a turn ends and stops it with the call.
import { t } from '../i18n.svelte';
import { Camera, SCREEN, videoSources, type VideoSource } from './camera';

export const video = $state({ stream: null as MediaStream | null, source: '', sources: [] as VideoSource[], error: '' });

const camera = new Camera(() => stopVideo());
// Bumped when video stops: a source that starts after that is stopped again at once.
let generation = 0;

async function run(source?: string): Promise<void> {
  const mine = generation;
  video.error = '';
  try {
    const stream = await camera.start(source);
    if (mine !== generation) return camera.stop();
    video.stream = stream;
    video.source = camera.source;
    // labels are listed only once a camera is allowed, so the list is read after it runs
    const sources = await videoSources().catch(() => video.sources);
    if (mine === generation) video.sources = sources;
  } catch {
    if (mine === generation) video.error = source === SCREEN ? t('The screen could not be shared') : t('The camera is not available');
  }
}

export function toggleVideo(): Promise<void> {
  if (video.stream) return Promise.resolve(stopVideo());
  return run();
}

/** Switches the running video to `source` (a camera's deviceId or SCREEN). */
export function chooseSource(source: string): Promise<void> {
  return video.stream && source !== video.source ? run(source) : Promise.resolve();
}

/** The running source's current frame as a PNG data URL, or null when video is off. */
export const videoFrame = (): string | null => camera.frame();

export function stopVideo(): void {
  generation++;
  camera.stop();
  video.stream = null;
  video.source = '';
  video.error = '';
}
