// The note chat's turns: what is sent to the model in each mode, and how answers go into the note.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ASK_PROMPT, EDIT_PROMPT, SELECTION_ASK, SELECTION_EDIT, EDITED_REPLY, appendedAnswer, noteChatMessages, noteChatSystem, streamNoteChat, unfenced, type NoteChatMessage } from '../src/lib/notes/chat';
import { uploadedFile } from '../src/lib/notes/files';
import { delta, sse } from './uiStubs';

afterEach(() => vi.unstubAllGlobals());

const user = (content: string, mode: NoteChatMessage['mode'] = 'ask'): NoteChatMessage => ({ role: 'user', content, mode, done: true });
const assistant = (content: string, mode: NoteChatMessage['mode'] = 'ask'): NoteChatMessage => ({ role: 'assistant', content, mode, done: true });

describe('note chat messages', () => {
  it('puts the note in <notes> and the files in <context> after the mode prompt', () => {
    expect(noteChatSystem('ask', '- milk', [])).toBe(`${ASK_PROMPT}\n\n<notes>\n- milk\n</notes>`);
    expect(noteChatSystem('edit', '- milk', [{ name: 'list.txt', content: 'eggs too' }])).toBe(`${EDIT_PROMPT}\n\n<notes>\n- milk\n</notes>\n<context>\nlist.txt:\neggs too\n</context>`);
    expect(noteChatSystem('edit', '- milk\n- eggs', [], '- eggs')).toBe(`${EDIT_PROMPT}\n${SELECTION_EDIT}\n\n<notes>\n- milk\n- eggs\n</notes>\n<selection>\n- eggs\n</selection>`);
    expect(noteChatSystem('ask', 'x', [{ name: 'a', content: 'b' }], 'x')).toBe(`${ASK_PROMPT}\n${SELECTION_ASK}\n\n<notes>\nx\n</notes>\n<context>\na:\nb\n</context>\n<selection>\nx\n</selection>`);
  });

  it('says in each mode what to answer', () => {
    expect(ASK_PROMPT).toMatch(/questions/);
    expect(EDIT_PROMPT).toMatch(/whole edited notes only/);
  });

  it('sends the system message, then the conversation ending with the question', () => {
    const messages = noteChatMessages('ask', 'notes', [], [user('What is due?'), assistant('**Friday**'), user('And after?')]);
    expect(messages).toEqual([
      { role: 'system', content: noteChatSystem('ask', 'notes', []) },
      { role: 'user', content: 'What is due?' },
      { role: 'assistant', content: '**Friday**' },
      { role: 'user', content: 'And after?' }
    ]);
  });

  it('stands an earlier edit in for a short reply (the edited note is in <notes>) and leaves out empty answers', () => {
    const messages = noteChatMessages('edit', 'new text', [], [user('Shorten it', 'edit'), assistant('', 'edit'), user('Why?'), assistant(''), user('Add a title', 'edit')]);
    expect(messages.slice(1)).toEqual([
      { role: 'user', content: 'Shorten it' },
      { role: 'assistant', content: EDITED_REPLY },
      { role: 'user', content: 'Why?' },
      { role: 'user', content: 'Add a title' }
    ]);
    expect(messages[0].content).toContain('<notes>\nnew text\n</notes>');
  });
});

describe('answers in the note', () => {
  it('takes off a code fence around the whole edited note, also while it streams', () => {
    expect(unfenced('```markdown\n# Title\n- a\n```')).toBe('# Title\n- a');
    expect(unfenced('```md\n# Tit')).toBe('# Tit');
    expect(unfenced('```\n# T\n```\n')).toBe('# T');
    expect(unfenced('# Title\n```js\nx\n```')).toBe('# Title\n```js\nx\n```');
  });

  it('appends an answer after a blank line', () => {
    expect(appendedAnswer('# Notes\n\n', ' The answer\n')).toBe('# Notes\n\nThe answer');
    expect(appendedAnswer('  ', 'Only this')).toBe('Only this');
  });
});

describe('a chat turn', () => {
  function stubModel(...pieces: string[]) {
    const calls: { url: string; body?: any }[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url.includes('/data/content')) return new Response(JSON.stringify({ content: 'from the file' }), { status: 200 });
      return new Response(sse(...pieces.map(delta)), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    });
    return calls;
  }

  it('streams an answer about the note, with the files read as context', async () => {
    const calls = stubModel('It is ', 'due Friday.');
    const seen: string[] = [];
    const files = [uploadedFile({ id: 'f1', meta: { name: 'a.txt' } }, 5)];
    const answer = await streamNoteChat({ model: 'm1', mode: 'ask', md: 'report', files, conversation: [user('When?')], signal: new AbortController().signal, onText: (t) => seen.push(t) });
    expect(answer).toBe('It is due Friday.');
    expect(seen).toEqual(['It is ', 'It is due Friday.']);
    const body = calls.at(-1)!.body;
    expect(body).toMatchObject({ model: 'm1', stream: true });
    expect(body.messages[0].content).toContain('<notes>\nreport\n</notes>\n<context>\na.txt:\nfrom the file\n</context>');
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'When?' });
  });

  it('in edit mode reports the note as it will read, without a fence', async () => {
    stubModel('```markdown\n# New', '\n- a\n```');
    const seen: string[] = [];
    const answer = await streamNoteChat({ model: 'm1', mode: 'edit', md: 'old', files: [], conversation: [user('Title it', 'edit')], signal: new AbortController().signal, onText: (t) => seen.push(t) });
    expect(answer).toBe('# New\n- a');
    expect(seen.at(-1)).toBe('# New\n- a');
    expect(seen[0]).toBe('# New');
  });
});
