// Token usage saved on an answer (`message.usage`, as the completion reported it): OpenAI's
// prompt/completion/total tokens, or the Ollama-style counts some servers send instead.

export interface UsageSummary {
  total: number;
  input?: number;
  output?: number;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function usageSummary(usage: Record<string, unknown> | undefined | null): UsageSummary | null {
  if (!usage || typeof usage !== 'object') return null;
  const input = num(usage.prompt_tokens) ?? num(usage.input_tokens) ?? num(usage.prompt_eval_count);
  const output = num(usage.completion_tokens) ?? num(usage.output_tokens) ?? num(usage.eval_count);
  const total = num(usage.total_tokens) ?? (input !== undefined || output !== undefined ? (input ?? 0) + (output ?? 0) : undefined);
  return total === undefined ? null : { total, input, output };
}
