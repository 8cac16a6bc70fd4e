// Speech for the stand-in: /api/v1/audio/transcriptions (multipart recording in, a fixed
// transcript out) and /api/v1/audio/speech (a short silent WAV), recording what they were sent;
// and call mode's emoji task, /api/v1/tasks/emoji/completions, answering as api-service does.
import { silentWav } from '../wav.js';

export function audioFeature({ state, need, HttpError, STREAMED }) {
  state.audio = {
    recordings: [], speech: [], emoji: [],
    // set to make the emoji task fail (as an unreachable upstream does in api-service)
    emojiFails: false,
    config: {
      tts: { ENGINE: '', OPENAI_API_BASE_URL: 'https://api.openai.com/v1', OPENAI_API_KEY: '', API_KEY: '', MODEL: 'tts-1', VOICE: 'alloy', SPLIT_ON: 'punctuation' },
      stt: { ENGINE: 'web', OPENAI_API_BASE_URL: 'https://api.openai.com/v1', OPENAI_API_KEY: '', MODEL: '', SUPPORTED_CONTENT_TYPES: [], DEEPGRAM_API_KEY: '' }
    }
  };
  // Admin › Audio: the two blocks merged key by key, as api-service keeps the keys left out.
  const openaiTts = () => state.audio.config.tts.ENGINE === 'openai';
  const routes = [
    ['GET', /^\/api\/v1\/audio\/config$/, (req) => (need(req, 'admin'), state.audio.config)],
    ['POST', /^\/api\/v1\/audio\/config\/update$/, (req, _m, body) => {
      need(req, 'admin');
      if (typeof body.tts?.MODEL !== 'string') throw new HttpError(400, 'tts.MODEL must be a string');
      const { tts, stt } = state.audio.config;
      state.audio.config = { tts: { ...tts, ...body.tts }, stt: { ...stt, ...body.stt } };
      return state.audio.config;
    }],
    ['GET', /^\/api\/v1\/audio\/models$/, (req) => (need(req, 'verified'), { models: openaiTts() ? [{ id: 'kokoro' }] : [] })],
    ['GET', /^\/api\/v1\/audio\/voices$/, (req) => (need(req, 'verified'), { voices: openaiTts() ? [{ id: 'af_bella', name: 'Bella' }] : [] })],
    ['POST', /^\/api\/v1\/audio\/transcriptions$/, (req, _m, raw) => {
      need(req, 'verified');
      const part = /Content-Disposition: form-data; name="file"; filename="([^"]*)"\r\nContent-Type: ([^\r]*)\r\n\r\n/.exec(raw);
      if (!part) throw new HttpError(400, "Send one audio file as the multipart field 'file'");
      state.audio.recordings.push({ filename: part[1], type: part[2], language: /name="language"\r\n\r\n([^\r]*)/.exec(raw)?.[1] });
      return { text: state.audio.transcript ?? 'Hello from the microphone', filename: 'x.webm' };
    }, 'raw'],
    ['POST', /^\/api\/v1\/audio\/speech$/, (req, _m, body, res) => {
      need(req, 'verified');
      if (!String(body.input ?? '').trim()) throw new HttpError(400, 'Nothing to speak');
      state.audio.speech.push(body);
      const wav = silentWav(8000, 8);
      res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': wav.length });
      res.end(wav);
      return STREAMED;
    }],
    // api-service returns the task model's completion as it came (a chat.completion object); models
    // often quote the emoji.
    ['POST', /^\/api\/v1\/tasks\/emoji\/completions$/, (req, _m, body) => {
      need(req, 'verified');
      if (typeof body.model !== 'string' || !body.model.trim()) throw new HttpError(400, "'model' is required");
      state.audio.emoji.push(body);
      if (state.audio.emojiFails) throw new HttpError(502, 'The task model could not be reached');
      const emoji = /code/i.test(body.prompt ?? '') ? '💻' : '👋';
      return {
        id: 'chatcmpl-emoji', object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: `"${emoji}"` }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 30, completion_tokens: 2, total_tokens: 32 }
      };
    }]
  ];
  return { routes };
}
