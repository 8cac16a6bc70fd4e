// Speech for the stand-in: /api/v1/audio/transcriptions (multipart recording in, a fixed
// transcript out) and /api/v1/audio/speech (a short silent WAV), recording what they were sent.

/** 1 s of 8 kHz 8-bit mono silence: a WAV file every browser plays. */
function silentWav() {
  const samples = 8000;
  const wav = Buffer.alloc(44 + samples, 0x80);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(8000, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples, 40);
  return wav;
}

export function audioFeature({ state, need, HttpError, STREAMED }) {
  state.audio = { recordings: [], speech: [] };
  const routes = [
    ['POST', /^\/api\/v1\/audio\/transcriptions$/, (req, _m, raw) => {
      need(req, 'verified');
      const part = /Content-Disposition: form-data; name="file"; filename="([^"]*)"\r\nContent-Type: ([^\r]*)\r\n\r\n/.exec(raw);
      if (!part) throw new HttpError(400, "Send one audio file as the multipart field 'file'");
      state.audio.recordings.push({ filename: part[1], type: part[2], language: /name="language"\r\n\r\n([^\r]*)/.exec(raw)?.[1] });
      return { text: 'Hello from the microphone', filename: 'x.webm' };
    }, 'raw'],
    ['POST', /^\/api\/v1\/audio\/speech$/, (req, _m, body, res) => {
      need(req, 'verified');
      if (!String(body.input ?? '').trim()) throw new HttpError(400, 'Nothing to speak');
      state.audio.speech.push(body);
      const wav = silentWav();
      res.writeHead(200, { 'Content-Type': 'audio/wav', 'Content-Length': wav.length });
      res.end(wav);
      return STREAMED;
    }]
  ];
  return { routes };
}
