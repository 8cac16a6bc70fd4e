// Call mode: a spoken conversation in the open chat. Each turn: listen (the microphone recorded
// and sent to /api/v1/audio/transcriptions, or the browser's recognition), send the words as a
// message, speak the answer sentence by sentence while it streams (speaker.ts), then listen again.
// Speaking can be interrupted (back to listening), with voice interruption on also by the user
// speaking over the answer; ending the call stops everything. With video on
// (callVideo.svelte.ts: a camera or the screen), each message also carries one frame of it as an
// image; in emoji mode (callEmoji.ts) each sentence shows its emoji while it is spoken.
import { transcribe } from '../api/audio';
import { chat, send } from '../chat/controller.svelte';
import { i18n, t } from '../i18n.svelte';
import { session } from '../session.svelte';
import { browserRecognitionAvailable, listen } from './browserRecognition';
import { sttInBrowser, sttLanguage, type ServerAudio } from './prefs';
import { emojiFor } from './callEmoji';
import { stopVideo, video, videoFrame } from './callVideo.svelte';
import { SCREEN } from './camera';
import { Recorder } from './recorder';
import { nextSentences } from './sentences';
import { watchSilence, watchSpeech } from './silence';
import { prepare, type Clip } from './speaker';

export type CallPhase = 'idle' | 'listening' | 'transcribing' | 'thinking' | 'speaking';

/** `emoji`: the emoji of the sentence being spoken (emoji mode), null without one. */
export const call = $state({ open: false, phase: 'idle' as CallPhase, heard: '', error: '', emoji: null as string | null });

const recorder = new Recorder();
let recognition: ReturnType<typeof listen> | null = null;
let stopSilence: (() => void) | null = null;
let speaking: AbortController | null = null;
let following: ReturnType<typeof setInterval> | null = null;
// Voice interruption: the microphone watched while the answer is spoken.
let overVoice: { stop: () => void; release: () => void } | null = null;
// Each turn gets a number; work of an older turn (a late transcript, a queued sentence) is dropped.
let turn = 0;

const server = () => (session.config as unknown as { audio?: ServerAudio } | null)?.audio;

export async function startCall(): Promise<void> {
  if (call.open) return;
  call.open = true;
  call.error = '';
  chat.inCall = true;
  await startListening();
}

let recorderStarting: Promise<unknown> | null = null;

async function startListening(): Promise<void> {
  const mine = ++turn;
  call.phase = 'listening';
  call.heard = '';
  call.emoji = null;
  try {
    if (sttInBrowser(session.settings, server()) && browserRecognitionAvailable()) recognition = listen(i18n.locale);
    else {
      recorderStarting = recorder.start();
      await recorderStarting;
      if (mine !== turn || !call.open) return recorder.cancel();
      if (recorder.mediaStream) stopSilence = watchSilence(recorder.mediaStream, () => mine === turn && void finishSpeaking());
    }
  } catch {
    call.error = t('The microphone is not available');
    call.phase = 'idle';
  }
}

async function heard(): Promise<string> {
  stopSilence?.();
  stopSilence = null;
  if (recognition) {
    const current = recognition;
    recognition = null;
    current.stop();
    return current.result;
  }
  // "Listening…" shows as soon as the turn begins: a turn ended before the recorder is up waits for it
  await recorderStarting?.catch(() => {});
  const recording = await recorder.stop();
  return (await transcribe(recording, recording.name, sttLanguage(session.settings, i18n.locale))).text ?? '';
}

/** Ends the user's turn: transcribe, send, and follow the answer. */
export async function finishSpeaking(): Promise<void> {
  if (call.phase !== 'listening') return;
  const mine = turn;
  const frame = videoFrame();
  call.phase = 'transcribing';
  call.error = '';
  let text: string;
  try {
    text = (await heard()).trim();
  } catch (e) {
    if (mine !== turn) return;
    call.error = e instanceof Error ? e.message : String(e);
    return void startListening();
  }
  if (mine !== turn || !call.open) return;
  if (!text) {
    call.error = t('No speech was recognised');
    return void startListening();
  }
  call.heard = text;
  call.phase = 'thinking';
  const before = chat.history.currentId;
  const sending = send(text, frame ? [{ type: 'image', url: frame, name: video.source === SCREEN ? 'screen.png' : 'camera.png' }] : []);
  const replyId = chat.history.currentId;
  if (!replyId || replyId === before || chat.history.messages[replyId]?.role !== 'assistant') {
    await sending;
    call.error = t('The message could not be sent');
    return void startListening();
  }
  follow(replyId, mine);
}

/** A sentence made ready to speak: its audio and, in emoji mode, its emoji (null otherwise). */
interface Sentence {
  clip: Promise<Clip>;
  emoji: Promise<string | null>;
}

/** Speaks the answer's sentences as they complete; listens again once it is all spoken. */
function follow(replyId: string, mine: number): void {
  const controller = (speaking = new AbortController());
  const signal = controller.signal;
  const texts: string[] = [];
  let next = 0;
  const withEmoji = session.settings.showEmojiInCall === true;
  const model = chat.history.messages[replyId]?.model ?? chat.models[0] ?? '';
  const ready = (text: string): Sentence => {
    const clip = prepare(text, signal);
    clip.catch(() => {});
    // a new chat has its id only once the first message is saved, so it is read per sentence
    return { clip, emoji: withEmoji ? emojiFor(model, text, chat.temporary ? null : chat.id, signal) : Promise.resolve(null) };
  };
  // the sentence after the one playing is fetched while it plays (one ahead, never the whole answer)
  let ahead: Sentence | null = null;
  let playing: Sentence | null = null;
  let pumping: Promise<void> | null = null;
  const pump = async () => {
    while (next < texts.length && !signal.aborted) {
      const sentence = ahead ?? ready(texts[next]);
      next++;
      ahead = next < texts.length ? ready(texts[next]) : null;
      call.phase = 'speaking';
      if (session.settings.voiceInterruption === true) listenOverAnswer(signal);
      const clip = await sentence.clip;
      // the emoji shows once it arrives, if its sentence is still the one spoken; a slow one never holds the speech up
      playing = sentence;
      call.emoji = null;
      void sentence.emoji.then((emoji) => playing === sentence && !signal.aborted && (call.emoji = emoji));
      await clip.play(signal);
      playing = null;
    }
  };
  const enqueue = (sentence: string) => {
    texts.push(sentence);
    pumping ??= pump()
      .catch((e) => void (signal.aborted || (call.error = e instanceof Error ? e.message : String(e))))
      .finally(() => (pumping = null));
  };
  let spoken = 0;
  following = setInterval(() => {
    const reply = chat.history.messages[replyId];
    if (!reply) return stopFollowing();
    const done = reply.done !== false;
    const complete = nextSentences(reply.content, spoken, done);
    spoken += complete.length;
    complete.forEach(enqueue);
    if (!done) return;
    stopFollowing();
    if (reply.error) call.error = reply.error.content ?? t('The answer failed');
    void (async () => {
      while (pumping) await pumping;
      overVoice?.release();
      if (mine === turn && call.open && !signal.aborted) void startListening();
    })();
  }, 150);
}

function stopFollowing(): void {
  if (following) clearInterval(following);
  following = null;
}

/** While the answer is spoken, the user speaking interrupts it (once per answer). */
function listenOverAnswer(signal: AbortSignal): void {
  if (overVoice || signal.aborted) return;
  let stream: MediaStream | null = null;
  const release = () => {
    watch.stop();
    stream?.getTracks().forEach((track) => track.stop());
    if (overVoice === watch) overVoice = null;
  };
  const watch = (overVoice = { stop: () => {}, release });
  signal.addEventListener('abort', release, { once: true });
  navigator.mediaDevices
    .getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } })
    .then((s) => {
      stream = s;
      if (signal.aborted) return release();
      watch.stop = watchSpeech(s, interrupt, () => call.phase === 'speaking' && !signal.aborted);
    })
    .catch(release);
}

/** Stops speaking (and following the answer) and gives the turn back to the user. */
export function interrupt(): void {
  stopFollowing();
  speaking?.abort();
  speaking = null;
  if (call.open) void startListening();
}

export function endCall(): void {
  turn++;
  stopFollowing();
  speaking?.abort();
  speaking = null;
  stopSilence?.();
  stopSilence = null;
  recognition?.stop();
  recognition = null;
  recorder.cancel();
  stopVideo();
  call.open = false;
  call.phase = 'idle';
  call.heard = '';
  call.emoji = null;
  chat.inCall = false;
}
