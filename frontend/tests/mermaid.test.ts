import { beforeEach, describe, expect, it, vi } from 'vitest';

// jsdom cannot lay out SVG, so mermaid is replaced by a stand-in that accepts "graph" sources.
const render = vi.fn(async (id: string, source: string) => {
  if (!source.startsWith('graph')) throw new Error("Parse error on line 1:\nnonsense here\n^\nExpecting 'GRAPH', got 'NODE_STRING'");
  return { svg: `<svg id="${id}"><text>${source.length}</text></svg>` };
});
const initialize = vi.fn();
vi.mock('mermaid', () => ({ default: { initialize, render } }));

const { closedFence } = await import('../src/lib/markdown/mermaid');
const { diagram, drawDiagrams, shortError, toggleDiagram } = await import('../src/lib/markdown/diagrams');
const { renderMarkdown } = await import('../src/lib/markdown/render');

function dom(md: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = renderMarkdown(md);
  document.body.append(div);
  return div;
}

beforeEach(() => {
  document.body.innerHTML = '';
  document.documentElement.classList.remove('dark');
});

describe('detecting finished mermaid blocks', () => {
  it('knows a fence that has its closing line from one cut off mid-stream', () => {
    expect(closedFence('```mermaid\ngraph TD\nA-->B\n```')).toBe(true);
    expect(closedFence('```mermaid\ngraph TD\nA-->B\n```\n\n')).toBe(true);
    expect(closedFence('~~~~mermaid\ngraph TD\n~~~~')).toBe(true);
    expect(closedFence('```mermaid\ngraph TD\nA-->B')).toBe(false);
    expect(closedFence('```mermaid\ngraph TD\nA-->B\n``')).toBe(false);
    expect(closedFence('````mermaid\ngraph TD\n```')).toBe(false);
    expect(closedFence('~~~mermaid\ngraph TD\n```')).toBe(false);
    expect(closedFence('```mermaid')).toBe(false);
  });

  it('marks only finished mermaid blocks for drawing, keeping the code in the block', () => {
    const done = dom('Look:\n\n```mermaid\ngraph TD\nA-->B\n```\n\nafter');
    const block = done.querySelector<HTMLElement>('.code-block')!;
    expect(block.hasAttribute('data-mermaid')).toBe(true);
    expect(block.querySelector('code')?.textContent).toBe('graph TD\nA-->B');
    expect(block.querySelector('.code-lang')?.textContent).toBe('mermaid');

    expect(dom('```mermaid\ngraph TD\nA-->').querySelector('[data-mermaid]')).toBeNull();
    expect(dom('```js\nlet a;\n```').querySelector('[data-mermaid]')).toBeNull();
    expect(dom('```Mermaid\ngraph TD\n```').querySelector('[data-mermaid]')).not.toBeNull();
  });
});

describe('drawing', () => {
  it('puts the SVG above the hidden code, with a button that shows the code again', async () => {
    const root = dom('```mermaid\ngraph LR\nX-->Y\n```');
    await drawDiagrams(root);
    const block = root.querySelector<HTMLElement>('.code-block')!;
    expect(block.querySelector('.mermaid-diagram svg')).not.toBeNull();
    expect(block.classList.contains('diagram-shown')).toBe(true);
    expect(initialize).toHaveBeenLastCalledWith(expect.objectContaining({ securityLevel: 'strict', theme: 'default', startOnLoad: false }));

    const toggle = block.querySelector<HTMLButtonElement>('[data-mermaid-toggle]')!;
    expect(toggle.textContent).toBe('Show code');
    toggleDiagram(toggle);
    expect(block.classList.contains('diagram-shown')).toBe(false);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(toggle.textContent).toBe('Show diagram');
    toggleDiagram(toggle);
    expect(block.classList.contains('diagram-shown')).toBe(true);

    // Drawn once: a second pass leaves the block alone.
    await drawDiagrams(root);
    expect(block.querySelectorAll('.mermaid-diagram')).toHaveLength(1);
  });

  it('shows a short error and keeps the code when the diagram does not parse', async () => {
    const root = dom('Text before.\n\n```mermaid\nnonsense here\n```\n\nText after.');
    await drawDiagrams(root);
    const block = root.querySelector<HTMLElement>('.code-block')!;
    expect(block.querySelector('[role="alert"]')?.textContent).toBe("Diagram error: Parse error on line 1: Expecting 'GRAPH', got 'NODE_STRING'");
    expect(block.querySelector('svg')).toBeNull();
    expect(block.classList.contains('diagram-shown')).toBe(false);
    expect(block.querySelector('[data-mermaid-toggle]')).toBeNull();
    expect(block.querySelector('code')?.textContent).toBe('nonsense here');
    expect(root.textContent).toContain('Text after.');
  });

  it('draws with the dark theme in dark mode and remembers each drawing per theme', async () => {
    document.documentElement.classList.add('dark');
    const calls = render.mock.calls.length;
    await drawDiagrams(dom('```mermaid\ngraph TD\nDark-->Mode\n```'));
    expect(initialize).toHaveBeenLastCalledWith(expect.objectContaining({ theme: 'dark' }));
    const again = await diagram('graph TD\nDark-->Mode', true);
    expect('svg' in again).toBe(true);
    expect(render.mock.calls.length).toBe(calls + 1);
  });

  it('redraws the diagrams on screen when the theme switches', async () => {
    const root = dom('```mermaid\ngraph TD\nTheme-->Switch\n```');
    await drawDiagrams(root);
    const figure = root.querySelector('.mermaid-diagram')!;
    const before = figure.innerHTML;
    document.documentElement.classList.add('dark');
    await vi.waitFor(() => expect(figure.innerHTML).not.toBe(before));
    expect(initialize).toHaveBeenLastCalledWith(expect.objectContaining({ theme: 'dark' }));
    expect(figure.querySelectorAll('svg')).toHaveLength(1);
  });

  it('a block replaced before its drawing arrives is not touched', async () => {
    const root = dom('```mermaid\ngraph TD\nGone-->Away\n```');
    const block = root.querySelector<HTMLElement>('.code-block')!;
    const drawing = drawDiagrams(root);
    root.remove();
    await drawing;
    expect(block.querySelector('.mermaid-diagram')).toBeNull();
  });
});

describe('shortError', () => {
  it('keeps the first line (with the last when the first introduces the echoed source), at most 160 characters', () => {
    expect(shortError(new Error('\nLexical error on line 2.\nmore'))).toBe('Lexical error on line 2.');
    expect(shortError(new Error('Parse error on line 3:\n  A -->\n------^\nExpecting a node'))).toBe('Parse error on line 3: Expecting a node');
    expect(shortError('x'.repeat(300))).toHaveLength(158);
    expect(shortError(undefined)).toBe('Invalid diagram');
  });
});
