export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'warning' | 'error';
  text: string;
}

export const toasts = $state<Toast[]>([]);
let next = 1;

export function toast(text: string, kind: Toast['kind'] = 'info'): void {
  const id = next++;
  toasts.push({ id, kind, text });
  setTimeout(() => dismiss(id), kind === 'error' ? 6000 : 3500);
}

export function dismiss(id: number): void {
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}

export function toastError(e: unknown): void {
  toast(e instanceof Error ? e.message : String(e), 'error');
}
