// Note versions (stock shape in data.versions) and the generated title's request and parsing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_VERSIONS, noteVersions, step, withVersion } from '../src/lib/notes/versions';
import { generateTitle, parseTitle, titleMessages } from '../src/lib/notes/title';

afterEach(() => vi.unstubAllGlobals());

const v = (md: string) => ({ json: null, html: `<p>${md}</p>\n`, md });

describe('note versions', () => {
  it('adds a version unless the newest has the same text, in the stock shape, capped', () => {
    const one = withVersion([], 'a');
    expect(one).toEqual([{ json: null, html: '<p>a</p>\n', md: 'a' }]);
    expect(withVersion(one, 'a')).toBe(one);
    let many = one;
    for (let i = 0; i < MAX_VERSIONS + 5; i++) many = withVersion(many, `t${i}`);
    expect(many).toHaveLength(MAX_VERSIONS);
    expect(many.at(-1)!.md).toBe(`t${MAX_VERSIONS + 4}`);
    expect(many[0].md).toBe('t5');
  });

  it('reads only entries with Markdown from stored data', () => {
    expect(noteVersions({ versions: [v('x'), null, { html: 'h' }, 'str', v('y')] }).map((x) => x.md)).toEqual(['x', 'y']);
    expect(noteVersions(null)).toEqual([]);
    expect(noteVersions({ versions: 'no' })).toEqual([]);
  });

  it('steps back from the live text (kept as the newest version) and forward to it again', () => {
    const stored = [v('first'), v('second')];
    const back1 = step({ versions: stored, index: null }, 'live', 'back');
    expect(back1.versions.map((x) => x.md)).toEqual(['first', 'second', 'live']);
    expect([back1.index, back1.md]).toEqual([1, 'second']);
    const back2 = step(back1, 'second', 'back');
    expect([back2.index, back2.md]).toEqual([0, 'first']);
    expect(step(back2, 'first', 'back').index).toBe(0);
    const fwd1 = step(back2, 'first', 'forward');
    expect([fwd1.index, fwd1.md]).toEqual([1, 'second']);
    const fwd2 = step(fwd1, 'second', 'forward');
    expect([fwd2.index, fwd2.md]).toEqual([null, 'live']);
  });

  it('does not add the live text when it equals the newest version', () => {
    const back = step({ versions: [v('a'), v('b')], index: null }, 'b', 'back');
    expect(back.versions).toHaveLength(2);
    expect([back.index, back.md]).toEqual([0, 'a']);
    expect(step({ versions: [], index: null }, 'x', 'back')).toEqual({ versions: [], index: null, md: 'x' });
  });
});

describe('generated title', () => {
  it('asks with the note inside <notes>', () => {
    const [m] = titleMessages('# Groceries\n- milk');
    expect(m.role).toBe('user');
    expect(m.content).toMatch(/JSON object/);
    expect(m.content.endsWith('<notes>\n# Groceries\n- milk\n</notes>')).toBe(true);
  });

  it('takes the title from the JSON in the answer, with fences or chatter around it', () => {
    expect(parseTitle('{"title": "🛒 Weekly groceries"}')).toBe('🛒 Weekly groceries');
    expect(parseTitle('Sure!\n```json\n{ "title": "  Trip \\t plan " }\n```')).toBe('Trip plan');
    expect(parseTitle('no json here')).toBeNull();
    expect(parseTitle('{"title": ""}')).toBeNull();
    expect(parseTitle('{"name": "x"}')).toBeNull();
    expect(parseTitle('{broken')).toBeNull();
  });

  it('posts a completion without streaming and fails clearly on an answer without a title', async () => {
    const sent: any[] = [];
    vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)));
      const content = sent.length === 1 ? '{"title": "Plan"}' : 'I cannot';
      return new Response(JSON.stringify({ choices: [{ message: { content } }] }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }));
    expect(await generateTitle('m1', 'text')).toBe('Plan');
    expect(sent[0]).toMatchObject({ model: 'm1', stream: false });
    await expect(generateTitle('m1', 'text')).rejects.toThrow('The model gave no title.');
  });
});
