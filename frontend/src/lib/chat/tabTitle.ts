// The browser tab's title: "<chat title> • <app name>" (long titles cut at 30 characters), or the app name.
export function tabTitle(app: string, chatTitle: string, show: boolean): string {
  const title = chatTitle.trim();
  if (!show || !title || title === 'New Chat') return app;
  return `${title.length > 30 ? `${title.slice(0, 30)}…` : title} • ${app}`;
}
