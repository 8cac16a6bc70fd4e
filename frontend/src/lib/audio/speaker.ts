// Speaks one piece of text with the user's voice and playback speed: through the server's engine
// (/api/v1/audio/speech) when the admin set one, else with the browser's own voices (as the stock
// UI does for an empty engine). Fetching and playing are separate so call mode can fetch the next
// sentence while one plays.
import { speech } from '../api/audio';
import { session } from '../session.svelte';
import { playbackRate, serverSpeaks, ttsVoice, type ServerAudio } from './prefs';

export interface Clip {
  /** Plays to the end; resolves early (without error) when `signal` aborts. */
  play(signal: AbortSignal): Promise<void>;
}

const server = (): ServerAudio | undefined => (session.config as unknown as { audio?: ServerAudio } | null)?.audio;

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
}

function serverClip(audio: Blob, rate: number): Clip {
  return {
    async play(signal) {
      if (signal.aborted) return;
      const url = URL.createObjectURL(audio);
      const player = new Audio(url);
      player.playbackRate = rate;
      const ended = new Promise<void>((resolve, reject) => {
        player.onended = () => resolve();
        player.onerror = () => reject(new Error('The speech could not be played'));
      });
      try {
        await player.play();
        await Promise.race([ended, aborted(signal)]);
      } finally {
        player.pause();
        URL.revokeObjectURL(url);
      }
    }
  };
}

function browserClip(text: string, voiceName: string | undefined, rate: number): Clip {
  return {
    async play(signal) {
      if (signal.aborted || typeof speechSynthesis === 'undefined') return;
      const utterance = new SpeechSynthesisUtterance(text);
      const voice = voiceName ? speechSynthesis.getVoices().find((v) => v.name === voiceName) : undefined;
      if (voice) utterance.voice = voice;
      utterance.rate = rate;
      const ended = new Promise<void>((resolve) => {
        utterance.onend = () => resolve();
        utterance.onerror = () => resolve();
      });
      speechSynthesis.speak(utterance);
      await Promise.race([ended, aborted(signal)]);
      if (signal.aborted) speechSynthesis.cancel();
    }
  };
}

/** Gets `text` ready to play (fetches the server's audio when the server speaks). */
export async function prepare(text: string, signal: AbortSignal): Promise<Clip> {
  const rate = playbackRate(session.settings);
  const voice = ttsVoice(session.settings, server());
  if (!serverSpeaks(server())) return browserClip(text, voice, rate);
  return serverClip(await speech(text, voice, signal), rate);
}
