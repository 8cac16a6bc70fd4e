/** A data-URL image of the name's initials, which sign-up sends as `profile_image_url` like the stock UI. */
export function initialsImage(name: string): string {
  const initials =
    name
      .trim()
      .split(/\s+/)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase() ?? '')
      .join('') || '?';
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 100;
  const ctx = canvas.getContext?.('2d');
  if (!ctx) return '/user.png';
  ctx.fillStyle = '#F39C12';
  ctx.fillRect(0, 0, 100, 100);
  ctx.fillStyle = '#FFFFFF';
  ctx.font = '40px Helvetica';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(initials, 50, 54);
  return canvas.toDataURL();
}
