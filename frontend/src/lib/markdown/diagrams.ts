// Draws the finished ```mermaid blocks of a rendered message: the SVG goes above the code, which a
// header button shows again; a diagram that does not parse leaves the code with a short error.
// This module imports mermaid, so it is fetched only for a message that has a diagram.
import mermaid from 'mermaid';

export type Diagram = { svg: string } | { error: string };

/**
 * A parse error in one line: mermaid's "Parse error on line N:" with its last line (what it
 * expected), leaving out the echoed source; kept short, the code is shown next to it.
 */
export function shortError(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e ?? '');
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!lines.length) return 'Invalid diagram';
  const line = lines.length > 1 && lines[0].endsWith(':') ? `${lines[0]} ${lines[lines.length - 1]}` : lines[0];
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

const drawn = new Map<string, Diagram>();
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

/** Draws `source` with the given theme (cached); never rejects: a bad diagram gives its error. */
export function diagram(source: string, dark: boolean): Promise<Diagram> {
  const key = `${dark ? 'dark' : 'light'}\n${source}`;
  const known = drawn.get(key);
  if (known) return Promise.resolve(known);
  // One at a time: the settings are global to mermaid.
  const result: Promise<Diagram> = queue.then(async () => {
    // strict: message text is untrusted, so labels are sanitized and clicks/scripts are off.
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default', suppressErrorRendering: true });
    try {
      const { svg } = await mermaid.render(`mermaid-${++counter}`, source);
      return { svg };
    } catch (e) {
      return { error: shortError(e) };
    }
  });
  queue = result;
  return result.then((d) => {
    drawn.set(key, d);
    return d;
  });
}

function show(block: HTMLElement, d: Diagram) {
  block.dataset.drawn = 'true';
  if ('error' in d) {
    const note = document.createElement('p');
    note.className = 'mermaid-error';
    note.setAttribute('role', 'alert');
    note.textContent = `Diagram error: ${d.error}`;
    block.querySelector('.code-head')?.after(note);
    return;
  }
  const figure = document.createElement('div');
  figure.className = 'mermaid-diagram';
  figure.setAttribute('role', 'img');
  figure.setAttribute('aria-label', 'Mermaid diagram');
  figure.innerHTML = d.svg;
  block.querySelector('.code-head')?.after(figure);
  block.classList.add('diagram-shown');
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'code-btn';
  toggle.dataset.mermaidToggle = '';
  toggle.setAttribute('aria-pressed', 'false');
  toggle.textContent = 'Show code';
  block.querySelector('.code-actions')?.prepend(toggle);
}

const isDark = () => document.documentElement.classList.contains('dark');
let watching = false;

/** A switch of the app's theme (the `dark` class on <html>) redraws the diagrams on screen in its colours. */
function followTheme() {
  if (watching) return;
  watching = true;
  let dark = isDark();
  new MutationObserver(() => {
    if (isDark() === dark) return;
    dark = isDark();
    for (const figure of document.querySelectorAll<HTMLElement>('.mermaid-diagram')) {
      const source = figure.closest('.code-block')?.querySelector('code')?.textContent ?? '';
      void diagram(source, dark).then((d) => {
        if ('svg' in d) figure.innerHTML = d.svg;
      });
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
}

/** Draws every finished mermaid block under `root` that is not drawn yet. */
export async function drawDiagrams(root: HTMLElement): Promise<void> {
  followTheme();
  const blocks = [...root.querySelectorAll<HTMLElement>('.code-block[data-mermaid]:not([data-drawn])')];
  const dark = isDark();
  await Promise.all(
    blocks.map(async (block) => {
      block.dataset.drawn = 'pending';
      const d = await diagram(block.querySelector('code')?.textContent ?? '', dark);
      if (block.isConnected) show(block, d);
    })
  );
}

/** The header button: switches between the diagram and its source. */
export function toggleDiagram(button: HTMLElement) {
  const block = button.closest('.code-block');
  if (!block) return;
  const showCode = block.classList.toggle('diagram-shown') === false;
  button.setAttribute('aria-pressed', String(showCode));
  button.textContent = showCode ? 'Show diagram' : 'Show code';
}
