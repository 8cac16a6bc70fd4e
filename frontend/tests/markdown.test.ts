import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/lib/markdown';

function dom(md: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = renderMarkdown(md);
  return div;
}

describe('renderMarkdown', () => {
  it('renders Markdown with highlighted, escaped code blocks', () => {
    const el = dom('# Title\n\n**bold** and `x<y`\n\n```js\nconst a = "<b>";\n```');
    expect(el.querySelector('h1')?.textContent).toBe('Title');
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    expect(el.querySelector('p code')?.textContent).toBe('x<y');
    const code = el.querySelector('pre code.hljs.language-js')!;
    expect(code.textContent).toBe('const a = "<b>";');
    expect(code.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(code.querySelector('b')).toBeNull();
    expect(el.querySelector('.code-head span')?.textContent).toBe('js');
    expect(el.querySelector('[data-copy-code]')).not.toBeNull();
  });

  it('shows unknown languages as escaped plain text', () => {
    const el = dom('```nosuchlang\n<script>alert(1)</script>\n```');
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('code')?.textContent).toBe('<script>alert(1)</script>');
    expect(el.querySelector('.code-head span')?.textContent).toBe('nosuchlang');
  });

  it.each([
    ['script tag', '<script>alert(1)</script>', 'script'],
    ['img onerror', '<img src=x onerror="alert(1)">', '[onerror]'],
    ['svg onload', '<svg onload="alert(1)"><circle/></svg>', '[onload]'],
    ['iframe', '<iframe src="https://evil.example"></iframe>', 'iframe'],
    ['javascript link (html)', '<a href="javascript:alert(1)">x</a>', 'a[href^="javascript"]'],
    ['javascript link (markdown)', '[x](javascript:alert(1))', 'a[href^="javascript"]'],
    ['inline style', '<p style="position:fixed;inset:0">cover</p>', '[style]'],
    ['form', '<form action="/api/v1/auths/signout"><button>go</button></form>', 'form'],
    ['object', '<object data="x.swf"></object>', 'object'],
    ['event on details', '<details open ontoggle="alert(1)"><summary>s</summary></details>', '[ontoggle]']
  ])('removes %s', (_name, input, selector) => {
    expect(dom(input).querySelector(selector)).toBeNull();
  });

  it('opens links in a new tab without the opener', () => {
    const a = dom('[docs](https://example.com/docs)').querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://example.com/docs');
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps reasoning blocks (details/summary) the server streams', () => {
    const el = dom('<details type="reasoning" done="true"><summary>Thought for 2 seconds</summary>\n\n> hmm\n</details>\n\nAnswer');
    expect(el.querySelector('details summary')?.textContent).toBe('Thought for 2 seconds');
  });
});
