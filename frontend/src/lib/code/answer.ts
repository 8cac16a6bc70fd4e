// Splits an answer into what the chat shows differently: plain Markdown, the code interpreter's
// `<details type="code_interpreter" ...>` blocks (code and its output, as the server writes them),
// and, when code can be run, top-level Python code blocks that get a Run button.
import { Lexer } from 'marked';

export interface CodeOutput {
  stdout?: string | null;
  stderr?: string | null;
  result?: string | null;
}

export type AnswerPart =
  | { kind: 'text'; text: string }
  | { kind: 'interpreter'; done: boolean; lang: string; code: string; output: CodeOutput | null }
  | { kind: 'runnable'; lang: string; code: string; raw: string };

const BLOCK = /<details type="code_interpreter"([^>]*)>\s*(?:<summary>[\s\S]*?<\/summary>)?([\s\S]*?)(?:<\/details>|$)/g;
const ATTRIBUTE = /(\w+)="([^"]*)"/g;
const FENCE = /^\s*```([^\n`]*)\n([\s\S]*?)\n?```\s*$/;
const ENTITIES: Record<string, string> = { '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
const RUNNABLE = new Set(['python', 'py', 'python3']);

function unescapeHtml(text: string): string {
  return text.replace(/&(?:quot|#x27|#39|lt|gt|amp);/g, (e) => ENTITIES[e]);
}

/** The `output` attribute: HTML-escaped JSON of {stdout, stderr, result}; null when absent or unreadable. */
export function parseOutput(attribute: string | undefined): CodeOutput | null {
  if (!attribute) return null;
  try {
    const value = JSON.parse(unescapeHtml(attribute));
    return value && typeof value === 'object' ? (value as CodeOutput) : { stdout: String(value) };
  } catch {
    return null;
  }
}

function interpreterPart(attributes: string, body: string): AnswerPart {
  const attrs: Record<string, string> = {};
  for (const m of attributes.matchAll(ATTRIBUTE)) attrs[m[1]] = m[2];
  const fence = FENCE.exec(body);
  return {
    kind: 'interpreter',
    done: attrs.done === 'true',
    lang: fence ? fence[1].trim() : '',
    code: fence ? fence[2] : body.trim(),
    output: parseOutput(attrs.output)
  };
}

function textParts(text: string, runnable: boolean): AnswerPart[] {
  if (!text.trim()) return [];
  if (!runnable) return [{ kind: 'text', text }];
  const parts: AnswerPart[] = [];
  let pending = '';
  for (const token of new Lexer({ gfm: true, breaks: true }).lex(text)) {
    const lang = token.type === 'code' ? String(token.lang ?? '').trim().split(/\s+/)[0].toLowerCase() : '';
    if (token.type === 'code' && RUNNABLE.has(lang) && /^\s*```/.test(token.raw)) {
      if (pending.trim()) parts.push({ kind: 'text', text: pending });
      pending = '';
      parts.push({ kind: 'runnable', lang, code: token.text, raw: token.raw });
    } else {
      pending += token.raw;
    }
  }
  if (pending.trim()) parts.push({ kind: 'text', text: pending });
  return parts;
}

/** The parts of `content` in order; `runnable` marks Python code blocks to run (code execution is on). */
export function splitAnswer(content: string, runnable = false): AnswerPart[] {
  const parts: AnswerPart[] = [];
  let at = 0;
  for (const m of content.matchAll(BLOCK)) {
    parts.push(...textParts(content.slice(at, m.index), runnable));
    parts.push(interpreterPart(m[1], m[2]));
    at = m.index! + m[0].length;
  }
  parts.push(...textParts(content.slice(at), runnable));
  return parts;
}

/** Output lines that are PNG data URLs (Jupyter's images), apart from the text. */
export function splitImages(text: string | null | undefined): { text: string; images: string[] } {
  const images: string[] = [];
  const lines = (text ?? '').split('\n').filter((line) => {
    if (line.startsWith('data:image/png;base64,')) {
      images.push(line);
      return false;
    }
    return true;
  });
  return { text: lines.join('\n').trim(), images };
}
