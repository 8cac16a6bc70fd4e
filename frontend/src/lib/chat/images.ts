// Images attached to a message: read as a data URL, scaled down first when the server's
// `file.image_compression` or the user's own image compression (stock `imageCompression`,
// `imageCompressionSize`, `imageCompressionInChannels`) asks for a maximum width or height.
import type { UiSettings } from '../types';

type Limit = { width?: number | string | null; height?: number | string | null } | null | undefined;
const size = (v: unknown) => (Number(v) > 0 ? Number(v) : null);
const tighter = (a: number | null, b: number | null) => (a && b ? Math.min(a, b) : (a ?? b));

/** The box an image must fit in: the server's limit and, when on, the user's (both apply, as in the stock UI). */
export function imageLimits(settings: UiSettings, server: Limit, inChannel: boolean): { width: number | null; height: number | null } {
  const own = settings.imageCompression === true && (!inChannel || settings.imageCompressionInChannels !== false) ? (settings.imageCompressionSize as Limit) : null;
  return { width: tighter(size(own?.width), size(server?.width)), height: tighter(size(own?.height), size(server?.height)) };
}

function dataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(new Error('Could not read the image'));
    reader.readAsDataURL(file);
  });
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('Not a readable image'));
    img.src = url;
  });
}

/** The scale that fits width × height inside the limits (never above 1). */
export function fitScale(width: number, height: number, maxWidth: number | null, maxHeight: number | null): number {
  const sx = maxWidth ? maxWidth / width : 1;
  const sy = maxHeight ? maxHeight / height : 1;
  return Math.min(1, sx, sy);
}

export async function readImage(file: Blob, maxWidth: number | null, maxHeight: number | null): Promise<string> {
  const url = await dataUrl(file);
  if (!maxWidth && !maxHeight) return url;
  const img = await loadImage(url);
  const scale = fitScale(img.naturalWidth, img.naturalHeight, maxWidth, maxHeight);
  if (scale >= 1) return url;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale));
  canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL(file.type === 'image/jpeg' ? 'image/jpeg' : 'image/png');
}
