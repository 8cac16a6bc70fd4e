import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AudioTab from '../src/components/admin/AudioTab.svelte';
import { toasts } from '../src/lib/toast.svelte';

const loaded = () => ({
  tts: { OPENAI_API_BASE_URL: 'https://api.openai.com/v1', OPENAI_API_KEY: '', API_KEY: '', ENGINE: '', MODEL: 'tts-1', VOICE: 'alloy',
    SPLIT_ON: 'punctuation', AZURE_SPEECH_REGION: '', AZURE_SPEECH_BASE_URL: '', AZURE_SPEECH_OUTPUT_FORMAT: 'audio-24khz-160kbitrate-mono-mp3' },
  stt: { OPENAI_API_BASE_URL: 'https://api.openai.com/v1', OPENAI_API_KEY: '', ENGINE: 'web', MODEL: '', SUPPORTED_CONTENT_TYPES: [],
    WHISPER_MODEL: 'base', DEEPGRAM_API_KEY: '', AZURE_API_KEY: '', AZURE_REGION: '', AZURE_LOCALES: '', AZURE_BASE_URL: '', AZURE_MAX_SPEAKERS: '' }
});
let posts: any[] = [];
let modelCalls = 0;

function stubFetch(refuse?: string) {
  posts = [];
  modelCalls = 0;
  let config: any = loaded();
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    if (url === '/api/v1/audio/config') return new Response(JSON.stringify(config));
    if (url === '/api/v1/audio/config/update') {
      const body = JSON.parse(init.body as string);
      posts.push(body);
      if (refuse) return new Response(JSON.stringify({ detail: refuse }), { status: 400 });
      config = body;
      return new Response(JSON.stringify(config));
    }
    if (url === '/api/v1/audio/models') {
      modelCalls++;
      return new Response(JSON.stringify({ models: [{ id: 'kokoro' }, { id: 'tts-1-hd', name: 'HD' }] }));
    }
    if (url === '/api/v1/audio/voices') return new Response(JSON.stringify({ voices: [{ id: 'af_bella', name: 'Bella' }] }));
    return new Response('{}', { status: 404 });
  }));
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement | HTMLSelectElement;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  toasts.splice(0);
});

describe('Admin > Audio', () => {
  it('shows the loaded engines with only their own fields', async () => {
    stubFetch();
    render(AudioTab);
    expect((await screen.findByLabelText('Speech-to-text engine') as HTMLSelectElement).value).toBe('web');
    expect(field('Text-to-speech engine').value).toBe('');
    expect(screen.queryByLabelText('Speech-to-text API URL')).toBeNull();
    expect(screen.queryByLabelText('Text-to-speech voice')).toBeNull();
    expect(field('Split the answer for speech on').value).toBe('punctuation');
    expect(modelCalls).toBe(0);
  });

  it('saves the edited engines in both blocks, keeps the rest, then offers the new engine\'s models and voices', async () => {
    stubFetch();
    render(AudioTab);
    await fireEvent.change(await screen.findByLabelText('Speech-to-text engine'), { target: { value: 'deepgram' } });
    await fireEvent.input(field('Deepgram API key'), { target: { value: 'dg-key' } });
    await fireEvent.input(field('Accepted audio types (comma separated, empty = audio/*)'), { target: { value: 'audio/webm, audio/wav' } });
    await fireEvent.change(field('Text-to-speech engine'), { target: { value: 'openai' } });
    await fireEvent.input(field('Text-to-speech API URL'), { target: { value: 'http://kokoro:8880/v1' } });
    await fireEvent.change(field('Split the answer for speech on'), { target: { value: 'paragraphs' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0].stt).toEqual({ ...loaded().stt, ENGINE: 'deepgram', DEEPGRAM_API_KEY: 'dg-key', SUPPORTED_CONTENT_TYPES: ['audio/webm', 'audio/wav'] });
    expect(posts[0].tts).toEqual({ ...loaded().tts, ENGINE: 'openai', OPENAI_API_BASE_URL: 'http://kokoro:8880/v1', SPLIT_ON: 'paragraphs' });
    await waitFor(() => expect(toasts.map((t) => t.text)).toContain('Audio settings saved'));

    const model = field('Text-to-speech model');
    await waitFor(() => expect(document.getElementById(model.getAttribute('list') ?? '')?.querySelectorAll('option')).toHaveLength(2));
    const voices = document.getElementById(field('Text-to-speech voice').getAttribute('list')!)!;
    expect([...voices.querySelectorAll('option')].map((o) => [o.value, o.textContent])).toEqual([['af_bella', 'Bella']]);
  });

  it('shows the server\'s reason when the save is refused', async () => {
    stubFetch('tts.MODEL must be a string');
    render(AudioTab);
    await screen.findByLabelText('Speech-to-text engine');
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(toasts).toContainEqual(expect.objectContaining({ kind: 'error', text: 'tts.MODEL must be a string' })));
    expect(toasts.some((t) => t.kind === 'success')).toBe(false);
  });
});
