// Call mode speaks an answer while it streams: its speakable text is cut into sentences, and only
// sentences that are complete (followed by more text, or the answer is done) are handed out.
import { speakable } from './speakable';

const END = /(?<=[.!?。！？…])\s+|(?<=[。！？])/;

export function sentences(text: string): string[] {
  return text.split(END).map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** The sentences of `markdown` after the first `spoken`, complete ones only unless `done`. */
export function nextSentences(markdown: string, spoken: number, done: boolean): string[] {
  const all = sentences(speakable(markdown));
  const ready = done ? all : all.slice(0, -1);
  return ready.slice(spoken);
}
