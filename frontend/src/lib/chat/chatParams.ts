// The chat controls of one chat, stored as the stock UI stores them: the chat's own `params`
// (`system`, and model parameters with `stop` as comma-separated text). They win over the user's
// settings for the next completion of that chat.
import { formToParams, paramsToForm } from '../settings/params';

export type Params = Record<string, unknown>;

/** `stop` as the stock chat keeps it (text) or as settings keep it (a list) → a list, or undefined. */
export function stopList(stop: unknown): string[] | undefined {
  if (Array.isArray(stop)) return stop.map(String).filter((s) => s);
  if (typeof stop !== 'string' || !stop.trim()) return undefined;
  const list = stop.split(',').map((s) => s.trim()).filter((s) => s);
  return list.length ? list : undefined;
}

/** The completion's `params`: the user's, then the chat's over them (without its system prompt). */
export function completionParams(user: Params | undefined, chat: Params | undefined): Params {
  const { system: _system, ...own } = chat ?? {};
  const merged: Params = { ...(user ?? {}) };
  for (const [key, value] of Object.entries(own)) if (value !== null && value !== undefined && value !== '') merged[key] = value;
  const stop = stopList(own.stop) ?? stopList(user?.stop);
  if (stop?.length) merged.stop = stop;
  else delete merged.stop;
  return merged;
}

/** The system prompt of the next completion: the chat's own when it has one, else the user's. */
export function systemPrompt(user: string | undefined, chat: Params | undefined): string | undefined {
  const own = typeof chat?.system === 'string' ? chat.system : '';
  return own.trim() ? own : user;
}

/** The chat's params as the panel's form (system prompt under `system`). */
export function chatParamsToForm(chat: Params | undefined): Record<string, string> {
  return { ...paramsToForm({ ...(chat ?? {}), stop: stopList(chat?.stop) }), system: typeof chat?.system === 'string' ? chat.system : '' };
}

/** The form as the chat's params (only what is set), or the label of the first invalid field. */
export function formToChatParams(form: Record<string, string>, previous: Params = {}): { params: Params } | { invalid: string } {
  const result = formToParams(form, previous);
  if ('invalid' in result) return result;
  const params = result.params;
  if (Array.isArray(params.stop)) params.stop = params.stop.join(',');
  const system = (form.system ?? '').trim() ? form.system : '';
  if (system) params.system = system;
  else delete params.system;
  return { params };
}
