// Prompt autocompletion for the stand-in: /api/v1/tasks/auto/completions, refused as api-service
// refuses it (off, or a prompt over the limit), else the task model's chat completion whose content
// is the JSON `{"text": ...}`. Requests are recorded; `autocompleteDelayMs` slows the answer.
export function autocompleteFeature({ state, need, HttpError, STREAMED }) {
  state.autocompletions = [];
  state.autocompleteDelayMs = 0;
  /** The stand-in's "model": a fixed continuation for a few endings, else a generic one. */
  const continuation = (prompt) => (/hello$/i.test(prompt.trim()) ? ' world, how are you?' : ' and some more');
  const routes = [
    ['POST', /^\/api\/v1\/tasks\/auto\/completions$/, (req, _m, body, res) => {
      need(req, 'verified');
      if (typeof body.model !== 'string' || !body.model) throw new HttpError(400, "Field 'model' is required");
      if (!state.taskConfig.ENABLE_AUTOCOMPLETE_GENERATION) throw new HttpError(400, 'Autocompletion generation is disabled');
      const limit = state.taskConfig.AUTOCOMPLETE_GENERATION_INPUT_MAX_LENGTH;
      if (limit > 0 && String(body.prompt ?? '').length > limit) throw new HttpError(400, `Input prompt exceeds maximum length of ${limit}`);
      state.autocompletions.push(body);
      const answer = { id: 'auto', object: 'chat.completion', model: body.model, choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify({ text: continuation(String(body.prompt ?? '')) }) }, finish_reason: 'stop' }] };
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer));
      }, state.autocompleteDelayMs);
      return STREAMED;
    }]
  ];
  return { routes };
}
