// Call mode's extras: the emoji task (request, answer, every failure giving null) and the video
// source of a call (cameras by label and the screen, switching, refused switches, stopping).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emojiFor, emojiOf } from '../src/lib/audio/callEmoji';
import { chooseSource, stopVideo, toggleVideo, video, videoFrame } from '../src/lib/audio/callVideo.svelte';
import { SCREEN, videoSources } from '../src/lib/audio/camera';

// A playing video element needs real media; here it is an object that remembers its stream.
vi.mock('../src/lib/media/frames', () => ({
  playing: async (stream: MediaStream) => ({ srcObject: stream, videoWidth: 640, videoHeight: 480 }),
  frameOf: (v: { srcObject: MediaStream }) => ({ toDataURL: () => `data:image/png;base64,${v.srcObject.id}` })
}));

describe('the emoji task', () => {
  const completion = (content: unknown) => ({ object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] });

  it('takes the first emoji of the answer, quoted or among words', () => {
    expect(emojiOf(completion('"👋"'))).toBe('👋');
    expect(emojiOf(completion("Sure! '😊' fits, or 🎉"))).toBe('😊');
  });

  it('gives null for an answer without one: plain text, the disabled task, nothing', () => {
    expect(emojiOf(completion('happy'))).toBeNull();
    expect(emojiOf(completion(null))).toBeNull();
    expect(emojiOf({ detail: 'Emoji generation is disabled' })).toBeNull();
    expect(emojiOf(null)).toBeNull();
    expect(emojiOf('👋')).toBeNull();
  });

  describe('request', () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const stub = (answer: () => Promise<Response>) =>
      vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => (calls.push({ url, init }), answer())));
    beforeEach(() => {
      calls.length = 0;
      localStorage.setItem('token', 'tok-1');
    });
    afterEach(() => vi.unstubAllGlobals());

    it('posts the model, the sentence and the chat to the emoji task and returns its emoji', async () => {
      stub(async () => new Response(JSON.stringify(completion('"💻"')), { status: 200 }));
      expect(await emojiFor('gpt-4o', 'Here is some code.', 'chat-1')).toBe('💻');
      expect(calls[0].url).toBe('/api/v1/tasks/emoji/completions');
      expect(calls[0].init.method).toBe('POST');
      expect((calls[0].init.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
      expect(JSON.parse(String(calls[0].init.body))).toEqual({ model: 'gpt-4o', prompt: 'Here is some code.', chat_id: 'chat-1' });
    });

    it('leaves chat_id out without a saved chat', async () => {
      stub(async () => new Response(JSON.stringify(completion('👋')), { status: 200 }));
      expect(await emojiFor('gpt-4o', 'Hello.', null)).toBe('👋');
      expect(JSON.parse(String(calls[0].init.body))).toEqual({ model: 'gpt-4o', prompt: 'Hello.' });
    });

    it('gives null, never an error, when the task fails, is off, cannot be reached or is aborted', async () => {
      stub(async () => new Response(JSON.stringify({ detail: 'The task model could not be reached' }), { status: 502 }));
      expect(await emojiFor('m', 'Hi.', null)).toBeNull();
      stub(async () => new Response(JSON.stringify({ detail: 'Emoji generation is disabled' }), { status: 200 }));
      expect(await emojiFor('m', 'Hi.', null)).toBeNull();
      stub(async () => new Response('<html>502 Bad Gateway</html>', { status: 502 }));
      expect(await emojiFor('m', 'Hi.', null)).toBeNull();
      stub(() => Promise.reject(new TypeError('Failed to fetch')));
      expect(await emojiFor('m', 'Hi.', null)).toBeNull();
      stub(() => Promise.reject(new DOMException('aborted', 'AbortError')));
      const controller = new AbortController();
      controller.abort();
      expect(await emojiFor('m', 'Hi.', null, controller.signal)).toBeNull();
    });
  });
});

describe('the video source of a call', () => {
  interface FakeTrack {
    stop: ReturnType<typeof vi.fn>;
    ended: () => void;
  }
  const tracks: Record<string, FakeTrack> = {};
  let streams = 0;
  // each stream is named after its source; its track remembers its 'ended' listener
  function stream(source: string): MediaStream {
    const id = `${source}-${++streams}`;
    const listeners: (() => void)[] = [];
    const track = {
      kind: 'video',
      stop: vi.fn(),
      getSettings: () => ({ deviceId: source === SCREEN ? undefined : source }),
      addEventListener: (type: string, listener: () => void) => type === 'ended' && listeners.push(listener)
    };
    tracks[id] = { stop: track.stop, ended: () => listeners.forEach((l) => l()) };
    return { id, getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream;
  }
  const devices = [
    { kind: 'audioinput', deviceId: 'mic', label: 'Microphone' },
    { kind: 'videoinput', deviceId: 'front', label: 'Front camera' },
    { kind: 'videoinput', deviceId: 'back', label: '' }
  ];
  let screenAnswer: () => Promise<MediaStream>;
  const getUserMedia = vi.fn(async (c: { video: true | { deviceId: { exact: string } } }) => stream(c.video === true ? 'front' : c.video.deviceId.exact));
  const getDisplayMedia = vi.fn(() => screenAnswer());

  beforeEach(() => {
    screenAnswer = async () => stream(SCREEN);
    getUserMedia.mockClear();
    getDisplayMedia.mockClear();
    vi.stubGlobal('navigator', { mediaDevices: { getUserMedia, getDisplayMedia, enumerateDevices: async () => devices } });
  });
  afterEach(() => {
    stopVideo();
    vi.unstubAllGlobals();
  });

  it('lists the cameras by the browser’s labels, then the screen; no screen where it cannot be shared', async () => {
    expect(await videoSources()).toEqual([{ id: 'front', label: 'Front camera' }, { id: 'back', label: '' }, { id: SCREEN, label: '' }]);
    vi.stubGlobal('navigator', { mediaDevices: { getUserMedia, enumerateDevices: async () => devices } });
    expect((await videoSources()).map((s) => s.id)).toEqual(['front', 'back']);
  });

  it('starts with the default camera, switches to the screen and to another camera; the frame follows', async () => {
    await toggleVideo();
    expect(getUserMedia).toHaveBeenCalledWith({ video: true, audio: false });
    expect(video.source).toBe('front');
    expect(video.sources.map((s) => s.id)).toEqual(['front', 'back', SCREEN]);
    const camera = video.stream!.id;
    expect(videoFrame()).toBe(`data:image/png;base64,${camera}`);

    await chooseSource(SCREEN);
    expect(getDisplayMedia).toHaveBeenCalledWith({ video: true, audio: false });
    expect(video.source).toBe(SCREEN);
    expect(tracks[camera].stop).toHaveBeenCalled();
    const screen = video.stream!.id;
    expect(screen).toMatch(/^screen-/);
    expect(videoFrame()).toBe(`data:image/png;base64,${screen}`);

    await chooseSource('back');
    expect(getUserMedia).toHaveBeenLastCalledWith({ video: { deviceId: { exact: 'back' } }, audio: false });
    expect(video.source).toBe('back');
    expect(tracks[screen].stop).toHaveBeenCalled();
    expect(videoFrame()).toBe(`data:image/png;base64,${video.stream!.id}`);
  });

  it('keeps the running camera when the screen prompt is cancelled, and says so', async () => {
    await toggleVideo();
    const camera = video.stream!.id;
    screenAnswer = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    await chooseSource(SCREEN);
    expect(video.source).toBe('front');
    expect(video.stream!.id).toBe(camera);
    expect(tracks[camera].stop).not.toHaveBeenCalled();
    expect(video.error).toBe('The screen could not be shared');
    expect(videoFrame()).toBe(`data:image/png;base64,${camera}`);
  });

  it('turns video off when the shared screen is stopped from the browser', async () => {
    await toggleVideo();
    await chooseSource(SCREEN);
    tracks[video.stream!.id].ended();
    expect(video.stream).toBeNull();
    expect(videoFrame()).toBeNull();
  });

  it('stops a source that arrives after video was turned off (or the call ended)', async () => {
    let release!: (s: MediaStream) => void;
    getUserMedia.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    const starting = toggleVideo();
    stopVideo();
    const late = stream('front');
    release(late);
    await starting;
    expect(video.stream).toBeNull();
    expect(tracks[late.id].stop).toHaveBeenCalled();
    expect(videoFrame()).toBeNull();
  });

  it('does nothing when the running source is chosen again or video is off', async () => {
    await chooseSource(SCREEN);
    expect(getDisplayMedia).not.toHaveBeenCalled();
    await toggleVideo();
    await chooseSource('front');
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    await toggleVideo();
    expect(video.stream).toBeNull();
  });
});
