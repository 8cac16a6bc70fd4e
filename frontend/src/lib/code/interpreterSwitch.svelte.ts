// The composer's code interpreter switch: sent as `features.code_interpreter` with the next messages
// while on, offered only when the admin enabled the interpreter and the user may use it.
import { can, session } from '../session.svelte';

export const interpreter = $state({ on: false });

export function interpreterAvailable(): boolean {
  return !!session.config?.features?.enable_code_interpreter && can('features', 'code_interpreter');
}

/** What the completion request carries. */
export function interpreterWanted(): boolean {
  return interpreter.on && interpreterAvailable();
}
