// Speech to text and text to speech (api-service, docs/audio.md): multipart and binary bodies,
// so these calls build their own fetch with the same credentials and errors as http.ts.
import { ApiError, errorDetail, token } from './http';

export interface Transcript {
  text: string;
  filename?: string;
}

async function send(path: string, body: BodyInit, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
  const stored = token.get();
  if (stored) headers.Authorization = `Bearer ${stored}`;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body, credentials: 'include', signal });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiError(0, errorDetail(null, 0));
  }
  if (!res.ok) {
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // a gateway's text page
    }
    throw new ApiError(res.status, errorDetail(parsed, res.status));
  }
  return res;
}

/** POST /api/v1/audio/transcriptions: the recording as the multipart field `file`, and the language if known. */
export async function transcribe(recording: Blob, fileName: string, language?: string): Promise<Transcript> {
  const form = new FormData();
  form.append('file', recording, fileName);
  if (language) form.append('language', language);
  const res = await send('/api/v1/audio/transcriptions', form, { Accept: 'application/json' });
  return (await res.json()) as Transcript;
}

/** POST /api/v1/audio/speech: the text spoken by the configured engine, as audio. */
export async function speech(input: string, voice: string | undefined, signal?: AbortSignal): Promise<Blob> {
  const res = await send('/api/v1/audio/speech', JSON.stringify(voice ? { input, voice } : { input }), { 'Content-Type': 'application/json' }, signal);
  return res.blob();
}
