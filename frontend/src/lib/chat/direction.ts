// The stock `chatDirection` setting ('auto' | 'LTR' | 'RTL') as an HTML `dir` value.
export function textDirection(setting: unknown): 'auto' | 'ltr' | 'rtl' {
  const v = String(setting ?? 'auto').toLowerCase();
  return v === 'ltr' || v === 'rtl' ? v : 'auto';
}
