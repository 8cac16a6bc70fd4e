// Call mode: a spoken conversation in the open chat. Each turn: listen (the microphone recorded
// and sent to /api/v1/audio/transcriptions, or the browser's recognition), send the words as a
// message, speak the answer sentence by sentence while it streams (speaker.ts), then listen again.
// Speaking can be interrupted (back to listening); ending the call stops everything. With the camera
// on (a video call), each message also carries one frame of it as an image.
import { transcribe } from '../api/audio';
import { chat, send } from '../chat/controller.svelte';
import { i18n, t } from '../i18n.svelte';
import { session } from '../session.svelte';
import { browserRecognitionAvailable, listen } from './browserRecognition';
import { sttInBrowser, sttLanguage, type ServerAudio } from './prefs';
import { Camera } from './camera';
import { Recorder } from './recorder';
import { nextSentences } from './sentences';
import { watchSilence } from './silence';
import { prepare, type Clip } from './speaker';

export type CallPhase = 'idle' | 'listening' | 'transcribing' | 'thinking' | 'speaking';

export const call = $state({ open: false, phase: 'idle' as CallPhase, heard: '', error: '', camera: null as MediaStream | null });

// Video call: with the camera on, each message sent in the call carries one frame of it.
const camera = new Camera();

export async function toggleCamera(): Promise<void> {
  if (call.camera) {
    camera.stop();
    call.camera = null;
    return;
  }
  try {
    const stream = await camera.start();
    if (!call.open) return camera.stop();
    call.camera = stream;
  } catch {
    call.error = t('The camera is not available');
  }
}

const recorder = new Recorder();
let recognition: ReturnType<typeof listen> | null = null;
let stopSilence: (() => void) | null = null;
let speaking: AbortController | null = null;
let following: ReturnType<typeof setInterval> | null = null;
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
  const frame = camera.frame();
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
  const sending = send(text, frame ? [{ type: 'image', url: frame, name: 'camera.png' }] : []);
  const replyId = chat.history.currentId;
  if (!replyId || replyId === before || chat.history.messages[replyId]?.role !== 'assistant') {
    await sending;
    call.error = t('The message could not be sent');
    return void startListening();
  }
  follow(replyId, mine);
}

/** Speaks the answer's sentences as they complete; listens again once it is all spoken. */
function follow(replyId: string, mine: number): void {
  const controller = (speaking = new AbortController());
  const signal = controller.signal;
  const texts: string[] = [];
  let next = 0;
  // the sentence after the one playing is fetched while it plays (one ahead, never the whole answer)
  let ahead: Promise<Clip> | null = null;
  let pumping: Promise<void> | null = null;
  const pump = async () => {
    while (next < texts.length && !signal.aborted) {
      const clip = ahead ?? prepare(texts[next], signal);
      next++;
      ahead = next < texts.length ? prepare(texts[next], signal) : null;
      ahead?.catch(() => {});
      call.phase = 'speaking';
      await (await clip).play(signal);
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
    const ready = nextSentences(reply.content, spoken, done);
    spoken += ready.length;
    ready.forEach(enqueue);
    if (!done) return;
    stopFollowing();
    if (reply.error) call.error = reply.error.content ?? t('The answer failed');
    void (async () => {
      while (pumping) await pumping;
      if (mine === turn && call.open && !signal.aborted) void startListening();
    })();
  }, 150);
}

function stopFollowing(): void {
  if (following) clearInterval(following);
  following = null;
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
  camera.stop();
  call.camera = null;
  call.open = false;
  call.phase = 'idle';
  call.heard = '';
  chat.inCall = false;
}
