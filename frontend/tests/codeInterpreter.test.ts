import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AnswerBody from '../src/components/AnswerBody.svelte';
import InterpreterToggle from '../src/components/code/InterpreterToggle.svelte';
import { interpreter, interpreterWanted } from '../src/lib/code/interpreterSwitch.svelte';
import { parseOutput, splitAnswer } from '../src/lib/code/answer';
import { session } from '../src/lib/session.svelte';
import type { AppConfig } from '../src/lib/types';

// What the server writes after running the model's code (html-escaped JSON in `output`).
const BLOCK =
  '<details type="code_interpreter" done="true" output="{&quot;stdout&quot;: &quot;45\\n&lt;b&gt;&quot;, &quot;stderr&quot;: &quot;&quot;, &quot;result&quot;: &quot;&quot;}">\n' +
  '<summary>Analyzed</summary>\n```python\nprint(sum(range(10)))\n```\n</details>\n';

function config(features: Record<string, boolean>, engine: string): AppConfig {
  return { status: true, name: 'Open WebUI', version: '0.6.32', features, code: { engine } };
}

beforeEach(() => {
  session.user = { id: 'u1', name: 'Ada', email: 'a@b.c', role: 'user', token: 't', token_type: 'Bearer', expires_at: null, profile_image_url: '' };
  session.config = config({ enable_code_execution: false }, 'pyodide');
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  session.config = null;
});

describe('splitAnswer', () => {
  it('finds interpreter blocks between text and reads their output', () => {
    const parts = splitAnswer('Let me compute.\n' + BLOCK + 'The sum is 45.');
    expect(parts.map((p) => p.kind)).toEqual(['text', 'interpreter', 'text']);
    expect(parts[1]).toEqual({
      kind: 'interpreter', done: true, lang: 'python', code: 'print(sum(range(10)))',
      output: { stdout: '45\n<b>', stderr: '', result: '' }
    });
  });

  it('shows a block still running, and survives an unreadable output', () => {
    const running = splitAnswer('<details type="code_interpreter" done="false">\n<summary>Analyzing...</summary>\n```python\nx = 1\n```\n</details>\n');
    expect(running).toEqual([{ kind: 'interpreter', done: false, lang: 'python', code: 'x = 1', output: null }]);
    expect(parseOutput('{not json')).toBeNull();
  });

  it('marks top-level Python code blocks runnable only when asked', () => {
    const text = 'Try:\n\n```python\nprint(1)\n```\n\nand\n\n```js\nx()\n```\n';
    expect(splitAnswer(text).map((p) => p.kind)).toEqual(['text']);
    const parts = splitAnswer(text, true);
    expect(parts.map((p) => p.kind)).toEqual(['text', 'runnable', 'text']);
    expect(parts[1]).toMatchObject({ kind: 'runnable', code: 'print(1)' });
  });
});

describe('AnswerBody', () => {
  it('renders the interpreter block with its code and output', () => {
    const { container } = render(AnswerBody, { source: 'Let me compute.\n' + BLOCK });
    const block = screen.getByTestId('code-interpreter');
    expect(block.querySelector('summary')?.textContent).toBe('Analyzed');
    expect(block.querySelector('code')?.textContent).toBe('print(sum(range(10)))');
    expect(screen.getByLabelText('Output').textContent).toBe('45\n<b>');
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('Let me compute.');
  });

  it('offers no Run button unless the admin enabled Jupyter execution', () => {
    render(AnswerBody, { source: '```python\nprint(1)\n```' });
    expect(screen.queryByRole('button', { name: 'Run' })).toBeNull();
  });

  it('runs a Python block on the server and shows what it printed', async () => {
    session.config = config({ enable_code_execution: true }, 'jupyter');
    const fetch = vi.fn(async () => new Response(JSON.stringify({ stdout: 'hello', stderr: '', result: '42' }),
      { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    render(AnswerBody, { source: 'Here:\n\n```python\nprint("hello")\n6 * 7\n```\n' });
    await fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(screen.getByLabelText('Output').textContent).toBe('hello'));
    expect(screen.getByLabelText('Result').textContent).toBe('42');
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toContain('/api/v1/utils/code/execute');
    expect(JSON.parse(String(init.body))).toEqual({ code: 'print("hello")\n6 * 7' });
  });

  it('shows the server refusal as an error of the run', async () => {
    session.config = config({ enable_code_execution: true }, 'jupyter');
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ detail: 'Code execution timed out after 60 s' }),
      { status: 504, headers: { 'Content-Type': 'application/json' } })));
    render(AnswerBody, { source: '```py\nwhile True: pass\n```' });
    await fireEvent.click(screen.getByRole('button', { name: 'Run' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Code execution timed out after 60 s'));
  });
});

describe('the code interpreter switch', () => {
  it('is offered when the admin enabled the interpreter, and its state goes with the request', async () => {
    session.config = config({ enable_code_interpreter: true }, 'pyodide');
    interpreter.on = false;
    render(InterpreterToggle);
    const toggle = screen.getByRole('button', { name: 'Code interpreter' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(interpreterWanted()).toBe(false);
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(interpreterWanted()).toBe(true);
    interpreter.on = false;
  });

  it('is hidden and never sent when the admin disabled it or the user may not use it', () => {
    interpreter.on = true;
    session.config = config({ enable_code_interpreter: false }, 'pyodide');
    render(InterpreterToggle);
    expect(screen.queryByRole('button', { name: 'Code interpreter' })).toBeNull();
    expect(interpreterWanted()).toBe(false);
    session.config = config({ enable_code_interpreter: true }, 'pyodide');
    session.user = { ...session.user!, permissions: { features: { code_interpreter: false } } };
    expect(interpreterWanted()).toBe(false);
    interpreter.on = false;
  });
});

describe('Admin › Code Execution', () => {
  it('loads the settings and saves the engine and the Jupyter server', async () => {
    const { default: CodeExecutionSettings } = await import('../src/components/code/CodeExecutionSettings.svelte');
    const stored: Record<string, unknown> = {
      ENABLE_CODE_EXECUTION: true, CODE_EXECUTION_ENGINE: 'pyodide', CODE_EXECUTION_JUPYTER_URL: '',
      CODE_EXECUTION_JUPYTER_AUTH: '', CODE_EXECUTION_JUPYTER_AUTH_TOKEN: '', CODE_EXECUTION_JUPYTER_AUTH_PASSWORD: '',
      CODE_EXECUTION_JUPYTER_TIMEOUT: 60, ENABLE_CODE_INTERPRETER: true, CODE_INTERPRETER_ENGINE: 'pyodide',
      CODE_INTERPRETER_PROMPT_TEMPLATE: '', CODE_INTERPRETER_JUPYTER_URL: '', CODE_INTERPRETER_JUPYTER_AUTH: '',
      CODE_INTERPRETER_JUPYTER_AUTH_TOKEN: '', CODE_INTERPRETER_JUPYTER_AUTH_PASSWORD: '', CODE_INTERPRETER_JUPYTER_TIMEOUT: 60
    };
    const fetch = vi.fn(async (_url: string, init?: RequestInit) =>
      new Response(init?.method === 'POST' ? String(init.body) : JSON.stringify(stored), { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    render(CodeExecutionSettings);
    const engine = await screen.findByLabelText('Code execution engine');
    await fireEvent.change(engine, { target: { value: 'jupyter' } });
    const urls = screen.getAllByLabelText('Jupyter URL');
    await fireEvent.input(urls[0], { target: { value: 'http://jupyter:8888' } });
    await fireEvent.submit(screen.getByRole('form', { name: 'Code Execution' }));
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true));
    const [url, init] = fetch.mock.calls.find(([, i]) => i?.method === 'POST') as unknown as [string, RequestInit];
    expect(url).toContain('/api/v1/configs/code_execution');
    const sent = JSON.parse(String(init.body));
    expect(sent.CODE_EXECUTION_ENGINE).toBe('jupyter');
    expect(sent.CODE_EXECUTION_JUPYTER_URL).toBe('http://jupyter:8888');
    expect(sent.CODE_EXECUTION_JUPYTER_TIMEOUT).toBe(60);
    expect(sent.CODE_INTERPRETER_ENGINE).toBe('pyodide');
  });
});
