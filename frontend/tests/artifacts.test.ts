import { describe, expect, it } from 'vitest';
import { artifactsOf, artifactsOfBranch, fencedBlocks, hasOpeningBlock } from '../src/lib/artifacts/extract';

const a = (id: string, content: string, role = 'assistant') => ({ id, role, content });
const fence = (lang: string, code: string) => '```' + lang + '\n' + code + '\n```';

describe('artifacts', () => {
  it('joins an answer’s html, css and js blocks into one page', () => {
    const text = ['Here:', fence('html', '<h1>Hi</h1>'), fence('css', 'h1 { color: red; }'), fence('js', 'document.title = "x";')].join('\n\n');
    const [art, ...rest] = artifactsOf(a('m1', text));
    expect(rest).toEqual([]);
    expect(art.kind).toBe('page');
    expect(art.messageId).toBe('m1');
    expect(art.content).toMatch(/^<!DOCTYPE html>/);
    const body = art.content.slice(art.content.indexOf('<body>'));
    expect(body).toContain('<h1>Hi</h1>');
    expect(art.content.indexOf('h1 { color: red; }')).toBeLessThan(art.content.indexOf('<body>'));
    expect(body).toMatch(/<script>\ndocument\.title = "x";\n*<\/script>/);
  });

  it('takes bare <style> and <script> elements written outside code blocks, not ones inside other blocks', () => {
    const text = 'Use <style>p { margin: 0 }</style> and <script>go()</script>.\n\n' + fence('python', 'print("<script>no()</script>")');
    const [art] = artifactsOf(a('m', text));
    expect(art.content).toContain('p { margin: 0 }');
    expect(art.content).toContain('go()');
    expect(art.content).not.toContain('no()');
  });

  it('offers svg blocks (and xml holding an svg) only when the answer has no page', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>';
    expect(artifactsOf(a('m', fence('svg', svg) + '\n' + fence('xml', svg) + '\n' + fence('xml', '<a/>')))).toEqual([
      { messageId: 'm', kind: 'svg', content: svg + '\n' },
      { messageId: 'm', kind: 'svg', content: svg + '\n' }
    ]);
    expect(artifactsOf(a('m', fence('html', '<p>x</p>') + fence('svg', svg))).map((x) => x.kind)).toEqual(['page']);
  });

  it('ignores user messages and answers without renderable blocks', () => {
    expect(artifactsOf(a('u', fence('html', '<p>x</p>'), 'user'))).toEqual([]);
    expect(artifactsOf(a('m', fence('python', 'print(1)')))).toEqual([]);
    expect(artifactsOf(a('m', ''))).toEqual([]);
  });

  it('lists the branch’s versions oldest first and tells which blocks open the panel', () => {
    const msgs = [a('u1', 'make a page', 'user'), a('m1', fence('html', '<b>1</b>')), a('m2', 'no code'), a('m3', fence('HTML', '<b>2</b>'))];
    expect(artifactsOfBranch(msgs).map((x) => x.messageId)).toEqual(['m1', 'm3']);
    expect(hasOpeningBlock(msgs)).toBe(true);
    expect(hasOpeningBlock([a('m', fence('css', 'p{}') + fence('js', 'x()'))])).toBe(false);
    expect(fencedBlocks(fence('html title="x"', '<i/>'))[0]).toEqual({ lang: 'html', code: '<i/>\n' });
  });
});
