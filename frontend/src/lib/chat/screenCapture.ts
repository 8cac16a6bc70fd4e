// "Capture screen": the user picks a screen, window or tab (getDisplayMedia), one frame of it
// becomes a PNG file, and the stream is stopped at once. The file is then attached like any image.

import { frameOf, playing } from '../media/frames';

export const screenCaptureAvailable = (): boolean => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getDisplayMedia;

/** One frame of the shared surface as a PNG file (rejects when the user cancels). */
export async function captureScreen(): Promise<File> {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  try {
    const video = await playing(stream);
    const canvas = frameOf(video);
    video.srcObject = null;
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The screen could not be captured');
    return new File([blob], `screen-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.png`, { type: 'image/png' });
  } finally {
    stream.getTracks().forEach((track) => track.stop());
  }
}
