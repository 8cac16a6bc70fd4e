// The image-generation switch of the message box and the generated images of an answer.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatEventEnvelope, Message } from '../src/lib/types';

const socket = vi.hoisted(() => ({ listener: null as null | ((e: ChatEventEnvelope) => void) }));
vi.mock('../src/lib/socket', () => ({
  onChatEvent: (l: (e: ChatEventEnvelope) => void) => {
    socket.listener = l;
    return () => {};
  },
  waitForSocketId: async () => 'sid-1',
  emitUsage: () => {},
  joinUser: () => {},
  connectSocket: () => {}
}));

const { session } = await import('../src/lib/session.svelte');
const { imageGeneration, imageGenerationWanted } = await import('../src/lib/chat/imageSwitch.svelte');
const { chat, newChat, send } = await import('../src/lib/chat/controller.svelte');
const { default: ImageGenerationToggle } = await import('../src/components/ImageGenerationToggle.svelte');
const { default: GeneratedImages } = await import('../src/components/GeneratedImages.svelte');
const { default: AssistantMessage } = await import('../src/components/AssistantMessage.svelte');
const { flattenImageConfig, unflattenImageConfig } = await import('../src/lib/api/images');

const MODEL = { id: 'painter', name: 'Painter' };
let completions: any[];

function signIn(role: 'user' | 'admin', imagePermission?: boolean) {
  session.user = {
    id: 'u1', name: 'Ada', email: 'a@b.c', role, token: 't', token_type: 'Bearer', expires_at: null, profile_image_url: '',
    ...(imagePermission === undefined ? {} : { permissions: { features: { image_generation: imagePermission } } })
  } as typeof session.user;
}

function configure(enabled: boolean) {
  session.config = { status: true, name: 'Acme', version: '0.6.32', features: { enable_image_generation: enabled } };
}

beforeEach(() => {
  completions = [];
  imageGeneration.on = false;
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    if (url === '/api/chat/completions') completions.push(JSON.parse(init.body as string));
    const body = url === '/api/v1/chats/new' ? { id: 'chat-1', title: 'New Chat', chat: {} }
      : url === '/api/chat/completions' ? { status: true, task_id: 'task-1' } : url.startsWith('/api/v1/chats/') || url.startsWith('/api/v1/folders/') ? [] : {};
    return new Response(JSON.stringify(body), { status: 200 });
  }));
  session.models = [MODEL];
  session.settings = {};
  signIn('user');
  configure(true);
  newChat();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('image generation switch', () => {
  it('is offered only when the server has image generation on and the user may use it', () => {
    configure(false);
    render(ImageGenerationToggle);
    expect(screen.queryByRole('button', { name: 'Generate an image' })).toBeNull();
    cleanup();

    configure(true);
    signIn('user', false);
    render(ImageGenerationToggle);
    expect(screen.queryByRole('button', { name: 'Generate an image' })).toBeNull();
    cleanup();

    signIn('admin', false);
    render(ImageGenerationToggle);
    expect(screen.getByRole('button', { name: 'Generate an image' })).toBeTruthy();
  });

  it('toggles and is sent as features.image_generation with the next message', async () => {
    render(ImageGenerationToggle);
    const button = screen.getByRole('button', { name: 'Generate an image' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await fireEvent.click(button);
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(imageGenerationWanted()).toBe(true);

    chat.models = [MODEL.id];
    await send('A lighthouse, please');
    expect(completions.at(-1).features.image_generation).toBe(true);

    await fireEvent.click(button);
    await send('Now just words');
    expect(completions.at(-1).features.image_generation).toBe(false);
  });

  it('is not sent when the server turned image generation off meanwhile', () => {
    imageGeneration.on = true;
    configure(false);
    expect(imageGenerationWanted()).toBe(false);
  });
});

describe('generated images', () => {
  const answer = (files: unknown[], extra: Partial<Message> = {}): Message => ({
    id: 'a1', parentId: 'q1', childrenIds: [], role: 'assistant', content: 'Here it is.', timestamp: 1700000000, model: MODEL.id,
    done: true, files, ...extra
  } as Message);

  it('shows the answer\'s image files and nothing else', () => {
    render(GeneratedImages, { message: answer([{ type: 'image', url: '/api/v1/files/f1/content' }, { type: 'file', id: 'doc', url: '/x' }]) });
    const images = screen.getAllByRole('img');
    expect(images).toHaveLength(1);
    expect(images[0].getAttribute('src')).toBe('/api/v1/files/f1/content');
    expect(images[0].getAttribute('alt')).toBe('Generated image 1');
  });

  it('appear in the answer as the files event brings them, and an engine error stays visible', () => {
    const message = answer([], {
      statusHistory: [{ description: 'Creating image', done: false }, { description: 'An error occurred while generating an image: Gemini answered 403', done: true, error: true }]
    });
    chat.history.messages[message.id] = message;
    render(AssistantMessage, { message, last: true });
    expect(screen.getByText(/Gemini answered 403/)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('Admin › Images form', () => {
  const stock = {
    enabled: true, engine: 'comfyui', prompt_generation: false,
    openai: { OPENAI_API_BASE_URL: 'https://api.openai.com/v1', OPENAI_API_VERSION: '', OPENAI_API_KEY: 'sk-1' },
    automatic1111: { AUTOMATIC1111_BASE_URL: '', AUTOMATIC1111_API_AUTH: '', AUTOMATIC1111_CFG_SCALE: 7.5, AUTOMATIC1111_SAMPLER: null, AUTOMATIC1111_SCHEDULER: null },
    comfyui: { COMFYUI_BASE_URL: 'http://comfy:8188', COMFYUI_API_KEY: '', COMFYUI_WORKFLOW: '{"6":{}}', COMFYUI_WORKFLOW_NODES: [{ type: 'prompt', key: 'text', node_ids: ['6'] }] },
    gemini: { GEMINI_API_BASE_URL: '', GEMINI_API_KEY: '' }
  };

  it('round-trips both settings objects in the shapes the server takes', () => {
    const flat = flattenImageConfig(stock, { MODEL: 'sdxl', IMAGE_SIZE: '512x512', IMAGE_STEPS: 50 });
    expect(flat['comfyui.COMFYUI_BASE_URL']).toBe('http://comfy:8188');
    expect(flat['node.prompt']).toEqual(['6']);
    expect(flat['node.seed']).toEqual([]);
    flat['node.seed'] = ['3'];
    const { config, generation } = unflattenImageConfig(flat);
    expect(generation).toEqual({ MODEL: 'sdxl', IMAGE_SIZE: '512x512', IMAGE_STEPS: 50 });
    expect(config.openai).toEqual(stock.openai);
    expect(config.automatic1111).toEqual(stock.automatic1111);
    const nodes = (config.comfyui as { COMFYUI_WORKFLOW_NODES: { type: string; key: string; node_ids: string[] }[] }).COMFYUI_WORKFLOW_NODES;
    expect(nodes.find((n) => n.type === 'prompt')).toEqual({ type: 'prompt', key: 'text', node_ids: ['6'] });
    expect(nodes.find((n) => n.type === 'seed')).toEqual({ type: 'seed', key: 'seed', node_ids: ['3'] });
    expect(nodes.find((n) => n.type === 'model')?.key).toBe('ckpt_name');
    expect(config.enabled).toBe(true);
    expect(config.engine).toBe('comfyui');
  });
});
