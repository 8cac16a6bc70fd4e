// Open WebUI's tool calls blocks in an answer's text:
// <details type="tool_calls" done="true" id name arguments result files embeds>…</details>, the
// arguments and result HTML-escaped JSON strings. Splits the text into Markdown parts and calls.

export interface ToolCallView {
  id: string;
  name: string;
  arguments: string;
  result: string | null;
  done: boolean;
}

export type AnswerPart = { kind: 'text'; text: string } | { kind: 'tool'; call: ToolCallView };

const BLOCK = /<details type="tool_calls"([^>]*)>[\s\S]*?<\/details>/g;
const ATTRIBUTE = /([a-z_]+)="([^"]*)"/g;

function unescape(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The text a JSON-string attribute holds (kept as it is when it is not one). */
function jsonText(value: string | undefined): string | null {
  if (value === undefined) return null;
  const raw = unescape(value);
  try {
    const parsed = JSON.parse(raw);
    return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
  } catch {
    return raw;
  }
}

export function splitToolCalls(content: string): AnswerPart[] {
  const parts: AnswerPart[] = [];
  let last = 0;
  for (const match of content.matchAll(BLOCK)) {
    const text = content.slice(last, match.index).trim();
    if (text) parts.push({ kind: 'text', text });
    const attrs: Record<string, string> = {};
    for (const a of match[1].matchAll(ATTRIBUTE)) attrs[a[1]] = a[2];
    parts.push({
      kind: 'tool',
      call: {
        id: unescape(attrs.id ?? ''),
        name: unescape(attrs.name ?? ''),
        arguments: jsonText(attrs.arguments) ?? '',
        result: attrs.done === 'true' ? jsonText(attrs.result) ?? '' : null,
        done: attrs.done === 'true'
      }
    });
    last = match.index! + match[0].length;
  }
  const rest = content.slice(last).trim();
  if (rest) parts.push({ kind: 'text', text: rest });
  return parts;
}

/** JSON shown indented; other text as it came. */
export function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
