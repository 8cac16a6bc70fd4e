// Read-aloud of answers: one at a time, through the configured engine (/api/v1/audio/speech), or
// the browser's own voice when the admin chose none (the stock UI's behaviour for an empty engine).
import { speech } from '../api/audio';
import { session } from '../session.svelte';

interface AudioSettings {
  tts?: { engine?: string; voice?: string };
}

export const reading = $state({ id: null as string | null, loading: false });

let player: HTMLAudioElement | null = null;
let pending: AbortController | null = null;
let url: string | null = null;

/** The words of a Markdown answer: code blocks, images, link targets and markup left out. */
export function speakable(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .replace(/<details[\s\S]*?<\/details>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/(\*\*|__|~~|\*|_)(\S[\s\S]*?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

function settings(): AudioSettings {
  return ((session.config as unknown as { audio?: AudioSettings })?.audio ?? {}) as AudioSettings;
}

function voice(): string | undefined {
  const own = (session.settings as { audio?: AudioSettings })?.audio?.tts?.voice;
  return own || settings().tts?.voice || undefined;
}

export async function readAloud(id: string, markdown: string): Promise<void> {
  stopReading();
  const text = speakable(markdown);
  if (!text) return;
  reading.id = id;
  if (!settings().tts?.engine && typeof speechSynthesis !== 'undefined') {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.onend = () => reading.id === id && stopReading();
    speechSynthesis.speak(utterance);
    return;
  }
  reading.loading = true;
  const controller = (pending = new AbortController());
  try {
    const audio = await speech(text, voice(), controller.signal);
    if (pending !== controller) return;
    url = URL.createObjectURL(audio);
    player = new Audio(url);
    player.onended = () => reading.id === id && stopReading();
    reading.loading = false;
    await player.play();
  } catch (e) {
    if (pending === controller) stopReading();
    if ((e as Error)?.name !== 'AbortError') throw e;
  }
}

export function stopReading(): void {
  pending?.abort();
  pending = null;
  player?.pause();
  player = null;
  if (url) URL.revokeObjectURL(url);
  url = null;
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  reading.id = null;
  reading.loading = false;
}
