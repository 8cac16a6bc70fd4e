/** Cuts streamed text into lines; a line split across network chunks comes out whole. */
export class LineSplitter {
  private tail = '';

  push(chunk: string): string[] {
    const text = this.tail + chunk;
    const parts = text.split('\n');
    this.tail = parts.pop() ?? '';
    return parts.filter((p) => p.trim() !== '');
  }

  /** What is left once the stream ended (a last line without its newline). */
  end(): string[] {
    const rest = this.tail.trim();
    this.tail = '';
    return rest ? [rest] : [];
  }
}

/** Reads a streamed body (SSE, NDJSON) to its end, calling `onLine` with each non-empty line. */
export async function readLines(body: ReadableStream<Uint8Array>, onLine: (line: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const lines = new LineSplitter();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    lines.push(decoder.decode(value, { stream: true })).forEach(onLine);
  }
  lines.push(decoder.decode()).forEach(onLine);
  lines.end().forEach(onLine);
}
