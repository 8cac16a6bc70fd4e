// Web pages attached to the next message: "#https://..." typed in the message box (followed by a
// space or a new line) is taken out of the text and the page is fetched and stored by file-service
// (POST /api/v1/retrieval/process/web, docs/web-search.md); the answer then searches it like a file.
import { post } from '../api/http';
import { attachments } from './attachments.svelte';

interface ProcessedPage {
  status: boolean;
  collection_name: string | null;
  filename: string;
  file: { data: { content: string }; meta: { name: string; source?: string } };
}

const LINK = /(^|\s)#(https?:\/\/[^\s#]+)(?=\s)/g;

/** The text without its "#<url>" links; each link found starts attaching its page. */
export function takeWebLinks(text: string): string {
  const found: string[] = [];
  const rest = text.replace(LINK, (_, before: string, url: string) => {
    found.push(url);
    return before;
  });
  for (const url of found) void attachWebPage(url);
  return found.length ? rest.replace(/^\s+/, '') : text;
}

export async function attachWebPage(url: string): Promise<void> {
  if (attachments.some((a) => a.key === url)) return;
  attachments.push({ key: url, name: url, kind: 'file', state: 'processing', progress: 1 });
  const entry = () => attachments.find((a) => a.key === url);
  try {
    const page = await post<ProcessedPage>('/api/v1/retrieval/process/web', { url, collection_name: '' });
    const a = entry();
    if (!a) return;
    a.state = 'ready';
    // Open WebUI's item for a web page: its collection is searched with the question
    a.item = { type: 'text', name: url, url, collection_name: page.collection_name ?? '', file: page.file, status: 'uploaded', context: 'full' };
  } catch (e) {
    const a = entry();
    if (a) {
      a.state = 'failed';
      a.error = e instanceof Error ? e.message : String(e);
    }
  }
}
