// The artifact frame's sandbox: scripts always; forms and the app's own origin only when the user
// allows them (stock `iframeSandboxAllowForms`, `iframeSandboxAllowSameOrigin`, both off by default).
import type { UiSettings } from '../types';

export function artifactSandbox(settings: UiSettings): string {
  return ['allow-scripts', settings.iframeSandboxAllowForms === true && 'allow-forms', settings.iframeSandboxAllowSameOrigin === true && 'allow-same-origin'].filter(Boolean).join(' ');
}
