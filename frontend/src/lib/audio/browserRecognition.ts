// The browser's own speech recognition, used when the admin set speech to text to "web" (as the
// stock UI does): nothing is uploaded, the browser hands back the words.

interface RecognitionResultList {
  length: number;
  [index: number]: { 0: { transcript: string }; isFinal?: boolean };
}

interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((e: { results: RecognitionResultList }) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

type RecognitionClass = new () => Recognition;

export function browserRecognitionAvailable(): boolean {
  return recognitionClass() !== null;
}

function recognitionClass(): RecognitionClass | null {
  const w = window as unknown as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

/** Starts listening; {@code stop()} ends it and {@code result} settles with everything heard. */
export function listen(lang: string): { result: Promise<string>; stop: () => void } {
  const Class = recognitionClass();
  if (!Class) throw new Error('Speech recognition is not available in this browser');
  const recognition = new Class();
  recognition.lang = lang;
  recognition.continuous = true;
  recognition.interimResults = false;
  let heard = '';
  const result = new Promise<string>((resolve, reject) => {
    recognition.onresult = (e) => {
      heard = Array.from({ length: e.results.length }, (_, i) => e.results[i][0].transcript).join(' ');
    };
    recognition.onerror = (e) => (e.error === 'no-speech' ? resolve('') : reject(new Error(e.error)));
    recognition.onend = () => resolve(heard.trim());
  });
  recognition.start();
  return { result, stop: () => recognition.stop() };
}
