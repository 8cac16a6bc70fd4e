// Chats leave and enter as files: JSON (the stock UI's export, a list of chat objects), plain text
// ("### USER" / "### ASSISTANT" sections of the branch on screen) and PDF (jsPDF, fetched on first use):
// the chat as it looks (stock `stylizedPdfExport`, on by default; lib/chat/stylizedPdf.ts) or its text.
import { chats, type ChatImport } from '../api/chats';
import { lazy } from '../lazy';
import { session } from '../session.svelte';
import type { Chat, ChatBlob, History } from '../types';
import { branch } from './history';

const pdfLibrary = lazy(() => import('jspdf').then((m) => m.jsPDF));

export type ExportFormat = 'json' | 'txt' | 'pdf';

/** The messages of the branch on screen as text sections. */
export function chatAsText(history: History): string {
  return branch(history)
    .map((m) => `### ${m.role.toUpperCase()}\n${m.content}`)
    .join('\n\n');
}

/** A file name from a chat title: no path separators or control characters, not too long. */
export function fileName(title: string, ext: string): string {
  const safe = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'chat';
  return `chat-${safe}.${ext}`;
}

export function saveFile(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

async function pdf(chat: Chat): Promise<Blob> {
  const JsPdf = await pdfLibrary.load();
  const doc = new JsPdf({ unit: 'mm', format: 'a4' });
  const margin = 15;
  const width = doc.internal.pageSize.getWidth() - 2 * margin;
  const bottom = doc.internal.pageSize.getHeight() - margin;
  let y = margin + 5;
  const write = (text: string, size: number, style: 'normal' | 'bold') => {
    doc.setFont('helvetica', style);
    doc.setFontSize(size);
    const step = size * 0.45;
    for (const line of doc.splitTextToSize(text, width) as string[]) {
      if (y + step > bottom) {
        doc.addPage();
        y = margin + 5;
      }
      doc.text(line, margin, y);
      y += step;
    }
  };
  write(chat.title, 16, 'bold');
  y += 3;
  for (const m of branch(chat.chat.history)) {
    write(m.role === 'user' ? 'User' : m.modelName || m.model || m.role, 11, 'bold');
    write(m.content, 10, 'normal');
    y += 4;
  }
  return doc.output('blob');
}

async function stylized(chat: Chat): Promise<Blob> {
  const [JsPdf, { stylizedPdf }] = await Promise.all([pdfLibrary.load(), import('./stylizedPdf')]);
  return stylizedPdf(chat, JsPdf);
}

export async function downloadChat(id: string, format: ExportFormat): Promise<void> {
  const chat = await chats.get(id);
  if (format === 'json') saveFile(new Blob([JSON.stringify([chat])], { type: 'application/json' }), `chat-export-${Date.now()}.json`);
  else if (format === 'txt') saveFile(new Blob([chatAsText(chat.chat.history)], { type: 'text/plain' }), fileName(chat.title, 'txt'));
  else saveFile(await ((session.settings.stylizedPdfExport ?? true) ? stylized(chat) : pdf(chat)), fileName(chat.title, 'pdf'));
}

export async function exportAllChats(): Promise<number> {
  const all = await chats.all();
  saveFile(new Blob([JSON.stringify(all)], { type: 'application/json' }), `chat-export-${Date.now()}.json`);
  return all.length;
}

const isBlob = (v: unknown): v is Partial<ChatBlob> => !!v && typeof v === 'object' && ('history' in v || 'messages' in v);

/**
 * Reads an export: a list (or one) of chat objects `{chat, meta, created_at, ...}` as downloaded
 * here or from the stock UI, or bare chat blobs of older exports. Anything else is refused.
 */
export function parseImport(text: string): ChatImport[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('This file is not JSON');
  }
  const list = Array.isArray(data) ? data : [data];
  const out = list.map((entry): ChatImport | null => {
    if (!entry || typeof entry !== 'object') return null;
    const e = entry as Record<string, unknown>;
    const blob = isBlob(e.chat) ? e.chat : isBlob(e) ? (e as Partial<ChatBlob>) : null;
    if (!blob) return null;
    const when = (v: unknown) => (typeof v === 'number' ? v : null);
    return {
      chat: { ...blob, title: blob.title ?? (typeof e.title === 'string' ? e.title : 'Imported chat') },
      meta: blob === e ? {} : ((e.meta as Record<string, unknown>) ?? {}),
      pinned: e.pinned === true,
      folder_id: null,
      created_at: when(e.created_at),
      updated_at: when(e.updated_at)
    };
  });
  if (!out.length || out.some((c) => c === null)) throw new Error('This file is not a chat export');
  return out as ChatImport[];
}

/** Imports every chat of the file, one request each; returns how many were imported. */
export async function importChats(file: File): Promise<number> {
  const entries = parseImport(await file.text());
  for (const entry of entries) await chats.importChat(entry);
  return entries.length;
}
