import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import MicButton from '../src/components/MicButton.svelte';
import ReadAloudButton from '../src/components/ReadAloudButton.svelte';
import { transcribe } from '../src/lib/api/audio';
import { ApiError } from '../src/lib/api/http';
import { reading, speakable, stopReading } from '../src/lib/audio/readAloud.svelte';
import { Recorder, recordingFormat } from '../src/lib/audio/recorder';
import { session } from '../src/lib/session.svelte';
import { toasts } from '../src/lib/toast.svelte';
import type { AppConfig } from '../src/lib/types';

interface Call {
  url: string;
  init: RequestInit;
}
const calls: Call[] = [];

function stubFetch(answer: (url: string, init: RequestInit) => Response) {
  calls.length = 0;
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer(url, init);
  }));
}

/** A MediaRecorder that "records" two chunks of webm. */
class FakeRecorder {
  static isTypeSupported = (type: string) => type.startsWith('audio/webm');
  mimeType: string;
  state = 'inactive';
  ondataavailable: ((e: { data: Blob }) => void) | null = null;
  onstop: (() => void) | null = null;
  constructor(_stream: unknown, options?: { mimeType?: string }) {
    this.mimeType = options?.mimeType ?? '';
  }
  start() {
    this.state = 'recording';
  }
  stop() {
    this.state = 'inactive';
    this.ondataavailable?.({ data: new Blob(['\x1aE\xdf\xa3webm'], { type: this.mimeType }) });
    this.ondataavailable?.({ data: new Blob(['more'], { type: this.mimeType }) });
    this.onstop?.();
  }
}

const stopTrack = vi.fn();
const players: { src: string; play: ReturnType<typeof vi.fn>; pause: ReturnType<typeof vi.fn>; onended: (() => void) | null }[] = [];

beforeEach(() => {
  localStorage.setItem('token', 'tok');
  toasts.splice(0);
  players.length = 0;
  vi.stubGlobal('MediaRecorder', FakeRecorder);
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: { getUserMedia: vi.fn(async () => ({ getTracks: () => [{ stop: stopTrack }] })) }
  });
  vi.stubGlobal('Audio', class {
    play = vi.fn(async () => {});
    pause = vi.fn();
    onended: (() => void) | null = null;
    constructor(public src: string) {
      players.push(this);
    }
  });
  URL.createObjectURL = vi.fn(() => 'blob:speech');
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  cleanup();
  stopReading();
  vi.unstubAllGlobals();
});

describe('speech to text', () => {
  it('sends the recording as multipart with the language and the bearer token', async () => {
    stubFetch(() => new Response(JSON.stringify({ text: 'Hallo Welt', filename: 'x.webm' })));
    const result = await transcribe(new Blob(['abc'], { type: 'audio/webm' }), 'recording.webm', 'de');
    expect(result.text).toBe('Hallo Welt');
    expect(calls[0].url).toBe('/api/v1/audio/transcriptions');
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    const form = calls[0].init.body as FormData;
    expect((form.get('file') as File).name).toBe('recording.webm');
    expect(form.get('language')).toBe('de');
  });

  it("shows the server's detail when it refuses", async () => {
    stubFetch(() => new Response(JSON.stringify({ detail: 'The audio file is too large' }), { status: 413 }));
    const error = await transcribe(new Blob(['abc']), 'a.webm').catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(413);
    expect(error.message).toBe('The audio file is too large');
  });

  it('records webm where the browser can, m4a in Safari', () => {
    expect(recordingFormat((t) => t.startsWith('audio/webm'))).toEqual({ type: 'audio/webm;codecs=opus', ext: 'webm' });
    expect(recordingFormat((t) => t === 'audio/mp4')).toEqual({ type: 'audio/mp4', ext: 'm4a' });
  });

  it('the microphone button records, transcribes and hands the text to the message box', async () => {
    stubFetch(() => new Response(JSON.stringify({ text: ' hello there ' })));
    const onText = vi.fn();
    render(MicButton, { props: { onText } });
    await fireEvent.click(screen.getByRole('button', { name: 'Dictate' }));
    const stop = await screen.findByRole('button', { name: 'Stop recording' });
    expect(stop.getAttribute('aria-pressed')).toBe('true');
    await fireEvent.click(stop);
    await waitFor(() => expect(onText).toHaveBeenCalledWith('hello there'));
    const file = (calls[0].init.body as FormData).get('file') as File;
    expect(file.name).toBe('recording.webm');
    expect(file.type).toBe('audio/webm');
    expect(file.size).toBeGreaterThan(4);
    expect(stopTrack).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Dictate' })).toBeTruthy();
  });

  it('with the "web" engine the browser recognises the speech and nothing is uploaded', async () => {
    stubFetch(() => new Response('{}'));
    const started: { lang: string }[] = [];
    vi.stubGlobal('webkitSpeechRecognition', class {
      lang = '';
      continuous = false;
      interimResults = true;
      onresult: ((e: unknown) => void) | null = null;
      onerror: ((e: unknown) => void) | null = null;
      onend: (() => void) | null = null;
      start() {
        started.push(this);
      }
      stop() {
        this.onresult?.({ results: { length: 2, 0: { 0: { transcript: 'hello' } }, 1: { 0: { transcript: 'from the browser' } } } });
        this.onend?.();
      }
    });
    session.config = { status: true, name: 'x', version: '0.6.32', features: {}, audio: { stt: { engine: 'web' } } } as AppConfig;
    const onText = vi.fn();
    render(MicButton, { props: { onText } });
    await fireEvent.click(screen.getByRole('button', { name: 'Dictate' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Stop recording' }));
    await waitFor(() => expect(onText).toHaveBeenCalledWith('hello from the browser'));
    expect(started).toHaveLength(1);
    expect(calls).toHaveLength(0);
    session.config = null;
  });

  it('says so when the engine fails, and the button is usable again', async () => {
    stubFetch(() => new Response(JSON.stringify({ detail: 'The speech to text server failed (HTTP 500): boom' }), { status: 502 }));
    const onText = vi.fn();
    render(MicButton, { props: { onText } });
    await fireEvent.click(screen.getByRole('button', { name: 'Dictate' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Stop recording' }));
    await waitFor(() => expect(toasts.map((t) => t.text)).toContain('The speech to text server failed (HTTP 500): boom'));
    expect(onText).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Dictate' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('read aloud', () => {
  beforeEach(() => {
    session.config = { status: true, name: 'x', version: '0.6.32', features: {}, audio: { tts: { engine: 'openai', voice: 'nova' } } } as AppConfig;
    session.settings = {};
  });

  it('speaks the words of an answer, not its markup', () => {
    expect(speakable('# Title\n\nSome **bold** and `code`, a [link](http://x).\n\n```js\nlet x = 1;\n```\n- item')).toBe('Title Some bold and code, a link. item');
  });

  it('plays the speech of the answer and stops it', async () => {
    stubFetch(() => new Response(new Blob([new Uint8Array([0xff, 0xfb, 1, 2])], { type: 'audio/mpeg' })));
    render(ReadAloudButton, { props: { id: 'm1', text: 'Hello **world**' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    await waitFor(() => expect(players[0]?.play).toHaveBeenCalled());
    expect(calls[0].url).toBe('/api/v1/audio/speech');
    expect(JSON.parse(calls[0].init.body as string)).toEqual({ input: 'Hello world', voice: 'nova' });
    expect(players[0].src).toBe('blob:speech');
    expect(reading.id).toBe('m1');

    await fireEvent.click(screen.getByRole('button', { name: 'Stop reading' }));
    expect(players[0].pause).toHaveBeenCalled();
    expect(reading.id).toBeNull();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:speech');
    expect(screen.getByRole('button', { name: 'Read aloud' })).toBeTruthy();
  });

  it("uses the user's own voice, and shows the engine's error", async () => {
    session.settings = { audio: { tts: { voice: 'onyx', defaultVoice: 'nova' } } } as typeof session.settings;
    stubFetch(() => new Response(JSON.stringify({ detail: 'The text to speech server failed (HTTP 500): voice model crashed' }), { status: 502 }));
    render(ReadAloudButton, { props: { id: 'm2', text: 'Hi' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Read aloud' }));
    await waitFor(() => expect(toasts.map((t) => t.text)).toContain('The text to speech server failed (HTTP 500): voice model crashed'));
    expect(JSON.parse(calls[0].init.body as string).voice).toBe('onyx');
    expect(reading.id).toBeNull();
    expect(players).toHaveLength(0);
  });
});

describe('recording a shared tab', () => {
  function share(audioTracks: number) {
    const video = { kind: 'video', stop: vi.fn() };
    const audio = Array.from({ length: audioTracks }, () => ({ kind: 'audio', stop: vi.fn() }));
    const getDisplayMedia = vi.fn(async () => ({ getVideoTracks: () => [video], getAudioTracks: () => audio }));
    Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getDisplayMedia, getUserMedia: vi.fn() } });
    vi.stubGlobal('MediaStream', class {
      constructor(public tracks: { stop: () => void }[]) {}
      getTracks = () => this.tracks;
    });
    return { getDisplayMedia, video, audio };
  }

  it("records only the shared tab's sound, the picture stopped at once", async () => {
    const { getDisplayMedia, video, audio } = share(1);
    const recorder = new Recorder();
    await recorder.start({ source: 'tab' });
    expect(getDisplayMedia).toHaveBeenCalledWith({ video: true, audio: true });
    expect(video.stop).toHaveBeenCalled();
    const file = await recorder.stop();
    expect([file.name, file.type]).toEqual(['recording.webm', 'audio/webm']);
    expect(audio[0].stop).toHaveBeenCalled();
  });

  it('refuses a share without sound with what to do instead', async () => {
    share(0);
    await expect(new Recorder().start({ source: 'tab' })).rejects.toThrow('share a tab and turn on "Share tab audio"');
  });

  it('asks the microphone without voice processing when raw', async () => {
    const recorder = new Recorder();
    await recorder.start({ raw: true });
    expect(navigator.mediaDevices.getUserMedia).toHaveBeenCalledWith({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } });
    recorder.cancel();
  });
});
