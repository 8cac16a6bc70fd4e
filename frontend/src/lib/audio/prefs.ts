// The user's own speech settings (Settings › Audio), under the stock UI's `ui` keys, read against
// the admin's engines from /api/config: `audio.stt.engine` ('' server, 'web' browser),
// `audio.stt.language`, `speechAutoSend`, `audio.tts.voice` (+ `defaultVoice`, the admin's voice
// when it was chosen), `audio.tts.playbackRate`, `responseAutoPlayback`.
import type { UiSettings } from '../types';

export interface ServerAudio {
  tts?: { engine?: string; voice?: string };
  stt?: { engine?: string };
}

export interface UserAudio {
  stt?: { engine?: string; language?: string };
  tts?: { engine?: string; voice?: string; defaultVoice?: string; playbackRate?: number; [key: string]: unknown };
}

export const userAudio = (s: UiSettings): UserAudio => (s.audio ?? {}) as UserAudio;

/** Speech is recognised by the browser when the admin chose it, or the user did. */
export function sttInBrowser(s: UiSettings, server: ServerAudio | undefined): boolean {
  return server?.stt?.engine === 'web' || userAudio(s).stt?.engine === 'web';
}

/** The language sent with a recording (ISO 639-1): the user's, else the interface language. */
export function sttLanguage(s: UiSettings, locale: string): string {
  return userAudio(s).stt?.language?.trim() || locale.split('-')[0];
}

/**
 * The voice to speak with. As in the stock UI, the user's voice holds only while the admin's
 * default is the one it was chosen against; a new admin default replaces it.
 */
export function ttsVoice(s: UiSettings, server: ServerAudio | undefined): string | undefined {
  const own = userAudio(s).tts;
  const admin = server?.tts?.voice || undefined;
  if (own?.voice && (own.defaultVoice ?? '') === (admin ?? '')) return own.voice;
  return admin;
}

export function playbackRate(s: UiSettings): number {
  const rate = Number(userAudio(s).tts?.playbackRate);
  return Number.isFinite(rate) && rate > 0 ? Math.min(rate, 4) : 1;
}

/** The server speaks (an engine is set); otherwise the browser's own voices are used. */
export const serverSpeaks = (server: ServerAudio | undefined): boolean => !!server?.tts?.engine;

export const autoPlayback = (s: UiSettings): boolean => s.responseAutoPlayback === true;
export const autoSend = (s: UiSettings): boolean => s.speechAutoSend === true;
