// The stylized PDF of a chat (stock `stylizedPdfExport`, on by default): the chat rendered as it
// looks (components/chat/ChatPrint.svelte) off screen at a fixed width, captured by jsPDF's `html()`
// (html2canvas, drawn as text and shapes) and laid over A4 pages, a line never cut in two. This module and html2canvas load only when such a PDF is made.
import { mount, tick, unmount } from 'svelte';
import ChatPrint from '../../components/chat/ChatPrint.svelte';
import type { Chat } from '../types';

type JsPdfClass = typeof import('jspdf').jsPDF;

/** The width the chat is laid out at (px), and the page's margin (mm). */
const PRINT_WIDTH = 800;
const MARGIN = 10;

export async function stylizedPdf(chat: Chat, JsPdf: JsPdfClass): Promise<Blob> {
  const host = document.createElement('div');
  // Laid out (not display: none) so it can be captured, but out of sight.
  host.style.cssText = `position: fixed; left: -${PRINT_WIDTH * 2}px; top: 0; width: ${PRINT_WIDTH}px;`;
  document.body.append(host);
  const view = mount(ChatPrint, { target: host, props: { chat } });
  try {
    await tick();
    const doc = new JsPdf({ unit: 'mm', format: 'a4' });
    const width = doc.internal.pageSize.getWidth() - 2 * MARGIN;
    await doc.html(host.firstElementChild as HTMLElement, {
      x: 0,
      y: 0,
      margin: [MARGIN, MARGIN, MARGIN, MARGIN],
      width,
      windowWidth: PRINT_WIDTH,
      autoPaging: 'text',
      html2canvas: { backgroundColor: '#ffffff', useCORS: true }
    });
    return doc.output('blob');
  } finally {
    void unmount(view);
    host.remove();
  }
}
