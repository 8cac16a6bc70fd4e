// Ollama's NDJSON streams (pull, create, push): one JSON object per line, split across network
// chunks anywhere. Pure helpers, so the admin panel and its tests share them.

import { readLines } from './api/lines';

export { LineSplitter } from './api/lines';

export interface PullLine {
  status?: string;
  digest?: string;
  total?: number;
  completed?: number;
  error?: string;
}

export interface PullProgress {
  status: string;
  /** 0..100 while a layer downloads, null when the line carries no byte counts. */
  percent: number | null;
  done: boolean;
  error: string | null;
}

export function progressOf(line: PullLine): PullProgress {
  if (line.error) return { status: line.error, percent: null, done: true, error: line.error };
  const status = line.status ?? '';
  const percent =
    typeof line.total === 'number' && line.total > 0 && typeof line.completed === 'number'
      ? Math.min(100, Math.round((line.completed / line.total) * 1000) / 10)
      : null;
  return { status, percent, done: status === 'success', error: null };
}

/** Reads an NDJSON body to its end, calling `onLine` with each parsed object. */
export async function readNdjson(body: ReadableStream<Uint8Array>, onLine: (line: PullLine) => void): Promise<void> {
  await readLines(body, (raw) => {
    try {
      onLine(JSON.parse(raw) as PullLine);
    } catch {
      // a line that is not JSON (a proxy's error page) carries no progress
    }
  });
}
