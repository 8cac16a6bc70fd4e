// The user's floating quick actions: placeholder filling, the list editing of the Manage modal, and
// what it saves under the stock key.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

afterEach(cleanup);
vi.mock('../src/lib/socket', () => import('./fakeSocket'));

const { session } = await import('../src/lib/session.svelte');
const list = await import('../src/lib/chat/quickActionList');
const InterfaceTab = (await import('../src/components/settings/InterfaceTab.svelte')).default;
const { stubSettingsSave } = await import('./uiStubs');

const same = (s: string) => s;
let saved: Record<string, unknown>[];

beforeEach(() => {
  saved = stubSettingsSave();
});
afterEach(() => vi.unstubAllGlobals());

describe('quick action prompts', () => {
  it('fills the quoted selection, the plain selection and the input, every time they occur', () => {
    const prompt = 'Q: {{SELECTED_CONTENT}}\nRaw: {{CONTENT}} / {{CONTENT}}\nAsk: {{INPUT_CONTENT}}';
    expect(list.fillPrompt(prompt, 'a\nb', 'why?')).toBe('Q: > a\n> b\nRaw: a\nb / a\nb\nAsk: why?');
  });

  it('takes $ in the selection literally and reduces the stock tool placeholders', () => {
    expect(list.fillPrompt('{{CONTENT}}', 'costs $& $1')).toBe('costs $& $1');
    expect(list.fillPrompt('{{lang|tool:id="web"}} {{TOOL:calc}}{{CONTENT}}', 'x')).toBe('lang x');
  });

  it('asks for input only when the prompt has {{INPUT_CONTENT}}', () => {
    const [ask, explain] = list.defaultActions(same);
    expect(list.asksForInput(ask)).toBe(true);
    expect(list.asksForInput(explain)).toBe(false);
    expect(list.asksForInput({ id: 'x', label: 'X', input: true, prompt: '{{CONTENT}}' })).toBe(false);
  });

  it('uses the stock defaults when nothing, or an empty list, is stored', () => {
    expect(list.activeActions(null, same).map((a) => a.id)).toEqual(['ask', 'explain']);
    expect(list.activeActions([], same).map((a) => a.label)).toEqual(['Ask', 'Explain']);
    const mine = [{ id: 'tr', label: 'Translate', prompt: 'Translate {{CONTENT}}' }];
    expect(list.activeActions(mine, same)).toBe(mine);
  });
});

describe('quick action list editing', () => {
  it('adds actions with ids of their own and the stock new-button prompt', () => {
    let l = list.addAction(list.defaultActions(same), 'New Button');
    l = list.addAction(l, 'New Button');
    expect(l.slice(2).map((a) => a.id)).toEqual(['new-button', 'new-button-1']);
    expect(l[2]).toMatchObject({ label: 'New Button', input: true, prompt: '{{CONTENT}}\n\n\n{{INPUT_CONTENT}}' });
  });

  it('removes by position, so two rows with one id are told apart', () => {
    const l = [{ id: 'a', label: 'One', prompt: 'p' }, { id: 'a', label: 'Two', prompt: 'p' }];
    expect(list.removeAction(l, 1).map((a) => a.label)).toEqual(['One']);
  });

  it('stores null for an empty list, and trimmed actions with the input flag read off the prompt', () => {
    expect(list.toStored([])).toBeNull();
    expect(list.toStored([{ id: ' t ', label: ' T ', input: false, prompt: 'Do {{INPUT_CONTENT}}' }])).toEqual([{ id: 't', label: 'T', input: true, prompt: 'Do {{INPUT_CONTENT}}' }]);
  });

  it('refuses a list with a blank label, a blank prompt, or a repeated id', () => {
    const ok = { id: 'a', label: 'A', prompt: 'p' };
    expect(list.listProblem([ok])).toBeNull();
    expect(list.listProblem([{ ...ok, label: ' ' }])).toBe('Every action needs a label');
    expect(list.listProblem([{ ...ok, prompt: '' }])).toBe('Every action needs a prompt');
    expect(list.listProblem([ok, { ...ok, id: ' a ' }])).toBe('Every action needs an ID of its own');
  });
});

describe('the Manage modal of Settings › Interface', () => {
  const manage = () => screen.getByRole('button', { name: 'Open Modal To Manage Floating Quick Actions' });

  it('is offered only while the switch is on, and opening it leaves the switch alone', async () => {
    session.settings = { showFloatingActionButtons: false };
    const view = render(InterfaceTab);
    expect(screen.queryByRole('button', { name: 'Open Modal To Manage Floating Quick Actions' })).toBeNull();
    view.unmount();
    session.settings = {};
    render(InterfaceTab);
    await fireEvent.click(manage());
    expect(screen.getByRole('dialog', { name: 'Quick Actions' })).toBeTruthy();
    expect((screen.getByRole('switch', { name: 'Floating Quick Actions' }) as HTMLInputElement).checked).toBe(true);
    expect(saved).toEqual([]);
  });

  it('customizes from the defaults, adds an action and saves the list under the stock key', async () => {
    render(InterfaceTab);
    await fireEvent.click(manage());
    expect(screen.getByText('Default action buttons will be used.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Customize' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Add action' }));
    const labels = screen.getAllByRole('textbox', { name: 'Button Label' }) as HTMLInputElement[];
    expect(labels.map((i) => i.value)).toEqual(['Ask', 'Explain', 'New Button']);
    await fireEvent.input(labels[2], { target: { value: 'Summarize' } });
    await fireEvent.input(screen.getAllByRole('textbox', { name: 'Button Prompt' })[2], { target: { value: 'Summarize: {{CONTENT}}' } });
    await fireEvent.click(screen.getAllByRole('button', { name: 'Remove' })[0]);
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved.at(-1)?.floatingActionButtons).toEqual([
      { id: 'explain', label: 'Explain', input: false, prompt: '{{SELECTED_CONTENT}}\n\n\nExplain' },
      { id: 'new-button', label: 'Summarize', input: false, prompt: 'Summarize: {{CONTENT}}' }
    ]));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Quick Actions' })).toBeNull());
  });

  it('Use defaults saves null; closing without Save keeps what was stored', async () => {
    const mine = [{ id: 'tr', label: 'Translate', input: false, prompt: 'Translate {{CONTENT}}' }];
    session.settings = { floatingActionButtons: mine };
    render(InterfaceTab);
    await fireEvent.click(manage());
    await fireEvent.input(screen.getByRole('textbox', { name: 'Button Label' }), { target: { value: 'Changed' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(saved).toEqual([]);
    expect(session.settings.floatingActionButtons).toEqual(mine);
    await fireEvent.click(manage());
    await fireEvent.click(screen.getByRole('button', { name: 'Use defaults' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(saved.at(-1)).toMatchObject({ floatingActionButtons: null }));
  });
});
