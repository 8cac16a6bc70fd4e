// Theme: 'system' follows the OS; the choice lives in localStorage('theme') like the stock UI.
export type Theme = 'system' | 'light' | 'dark';

const media = () => window.matchMedia('(prefers-color-scheme: dark)');

export function storedTheme(): Theme {
  const t = localStorage.getItem('theme');
  return t === 'light' || t === 'dark' ? t : 'system';
}

export function applyTheme(theme: Theme = storedTheme()): void {
  const dark = theme === 'dark' || (theme === 'system' && media().matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

export function setTheme(theme: Theme): void {
  localStorage.setItem('theme', theme);
  applyTheme(theme);
}

export function watchSystemTheme(): void {
  media().addEventListener('change', () => applyTheme());
}
