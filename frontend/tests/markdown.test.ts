import { describe, expect, it, vi } from 'vitest';
import { renderComplete, renderMarkdown, renderRich } from '../src/lib/markdown/render';

function dom(md: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = renderMarkdown(md);
  return div;
}

async function full(md: string): Promise<HTMLElement> {
  const div = document.createElement('div');
  div.innerHTML = await renderComplete(md);
  return div;
}

describe('renderMarkdown', () => {
  it('renders Markdown with highlighted, escaped code blocks', async () => {
    const el = await full('# Title\n\n**bold** and `x<y`\n\n```js\nconst a = "<b>";\n```');
    expect(el.querySelector('h1')?.textContent).toBe('Title');
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    expect(el.querySelector('p code')?.textContent).toBe('x<y');
    const code = el.querySelector('pre code.hljs.language-js')!;
    expect(code.textContent).toBe('const a = "<b>";');
    expect(code.querySelector('.hljs-keyword')?.textContent).toBe('const');
    expect(code.querySelector('b')).toBeNull();
    expect(el.querySelector('.code-lang')?.textContent).toBe('js');
    expect(el.querySelector('[data-copy-code]')).not.toBeNull();
  });

  it('shows unknown languages as escaped plain text', () => {
    const el = dom('```nosuchlang\n<script>alert(1)</script>\n```');
    expect(el.querySelector('script')).toBeNull();
    expect(el.querySelector('code')?.textContent).toBe('<script>alert(1)</script>');
    expect(el.querySelector('.code-lang')?.textContent).toBe('nosuchlang');
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

  it('numbers the lines of a code block and offers collapse and copy', () => {
    const el = dom('```\nfirst\nsecond\nthird\n```');
    expect(el.querySelector('.line-numbers')?.textContent).toBe('1\n2\n3');
    expect(el.querySelector('.line-numbers')?.getAttribute('aria-hidden')).toBe('true');
    expect(el.querySelector('code')?.textContent).toBe('first\nsecond\nthird');
    expect(el.querySelector('[data-collapse-code]')?.getAttribute('aria-expanded')).toBe('true');
    expect(el.querySelector('.code-lang')?.textContent).toBe('text');
  });

  it('shows task lists with read-only boxes', () => {
    const el = dom('- [x] written\n- [ ] reviewed\n- plain');
    const boxes = el.querySelectorAll('li.task-item .task-box[role="checkbox"]');
    expect([...boxes].map((b) => b.getAttribute('aria-checked'))).toEqual(['true', 'false']);
    expect(el.querySelector('li.task-item')?.textContent?.trim()).toBe('written');
    expect(el.querySelector('input')).toBeNull();
    expect(el.querySelectorAll('li:not(.task-item)').length).toBe(1);
  });
});

describe('maths', () => {
  it('renders inline and display TeX as MathML once KaTeX is loaded', async () => {
    const el = await full('Euler: $e^{i\\pi}+1=0$ and \\(a^2\\)\n\n$$\n\\frac{a}{b}\n$$\n\n\\[x_1\\]');
    const maths = [...el.querySelectorAll('math')];
    expect(maths.length).toBe(4);
    expect(maths.map((m) => m.getAttribute('display'))).toEqual([null, null, 'block', 'block']);
    expect(maths[0].querySelector('mi')?.textContent).toBe('e');
    expect(maths[2].querySelector('mfrac')).not.toBeNull();
    expect(el.textContent).not.toContain('$');
  });

  it('leaves prices, code and escaped dollars alone', async () => {
    const el = await full('It costs $5 or $10.\n\nUse `$x$` in code.\n\n```\n$$y$$\n```');
    expect(el.querySelector('math')).toBeNull();
    expect(el.querySelector('p')?.textContent).toBe('It costs $5 or $10.');
    expect(el.querySelector('p code')?.textContent).toBe('$x$');
  });

  it('asks for KaTeX and highlight.js only when a text needs them, and shows plain text until then', async () => {
    vi.resetModules();
    const fresh = await import('../src/lib/markdown/render');
    expect(fresh.renderRich('no maths: $5 and $6, `$x$`').pending).toBeNull();
    const maths = fresh.renderRich('area $\\pi r^2$');
    expect(maths.pending).not.toBeNull();
    expect(maths.html).toContain('<code class="math-pending">$\\pi r^2$</code>');
    await maths.pending;
    expect(fresh.renderRich('area $\\pi r^2$').html).toContain('<math');
    const code = fresh.renderRich('```python\nx = 1\n```');
    expect(code.pending).not.toBeNull();
    expect(code.html).not.toContain('hljs-');
    await code.pending;
    expect(fresh.renderRich('```python\nx = 1\n```').pending).toBeNull();
  });

  it('keeps TeX sources out of the page and script out of maths', async () => {
    const el = await full('$\\href{javascript:alert(1)}{x}$ and $<img src=x onerror=alert(1)>$');
    expect(el.querySelector('[onerror]')).toBeNull();
    expect(el.querySelector('[href^="javascript"]')).toBeNull();
    expect(el.querySelector('annotation-xml')).toBeNull();
  });
});
