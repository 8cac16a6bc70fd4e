// Heavy renderers (highlight.js, KaTeX) are separate chunks, fetched the first time a message
// needs them. Until then the renderer falls back to plain text and records what it was missing.

export interface Lazy<T> {
  /** The loaded module, or null while it is not loaded yet. */
  get(): T | null;
  /** Notes that the current render needed this module (it starts loading). */
  want(): void;
  load(): Promise<T>;
}

const wanted = new Set<Lazy<unknown>>();

export function lazy<T>(importer: () => Promise<T>): Lazy<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  const self: Lazy<T> = {
    get: () => value,
    want: () => void wanted.add(self as Lazy<unknown>),
    load: () =>
      (loading ??= importer().then(
        (v) => (value = v),
        (e) => {
          loading = null; // a failed chunk fetch may be retried on the next render
          throw e;
        }
      ))
  };
  return self;
}

/** Runs `render`, returning its output and a promise for the modules it was missing (or null). */
export function tracking<T>(render: () => T): { value: T; pending: Promise<unknown> | null } {
  wanted.clear();
  const value = render();
  const missing = [...wanted];
  wanted.clear();
  return { value, pending: missing.length ? Promise.all(missing.map((m) => m.load())) : null };
}
