// Call mode's microphone level watchers: the end of the user's turn (speech, then a moment of quiet)
// and, with voice interruption on, the user starting to speak over the answer.

const THRESHOLD = 0.02;

/** True once `quietMs` of quiet follow speech, given level samples (RMS 0..1) `stepMs` apart. */
export function silenceAfterSpeech(levels: number[], stepMs: number, quietMs = 1500, threshold = THRESHOLD): boolean {
  const spoke = levels.findIndex((l) => l > threshold);
  if (spoke < 0) return false;
  let quiet = 0;
  for (let i = spoke + 1; i < levels.length; i++) quiet = levels[i] > threshold ? 0 : quiet + stepMs;
  return quiet >= quietMs;
}

/** True when the last `samples` levels are all above the threshold (a click or a pop is one sample). */
export function speechStarted(levels: number[], samples = 2, threshold = THRESHOLD): boolean {
  return levels.length >= samples && levels.slice(-samples).every((l) => l > threshold);
}

/** Samples the stream's level every 100 ms until `done` holds for the levels so far; then calls `then` once. */
function watchLevels(stream: MediaStream, done: (levels: number[]) => boolean, then: () => void): () => void {
  const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Context) return () => {};
  const ctx = new Context();
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 1024;
  ctx.createMediaStreamSource(stream).connect(analyser);
  const buffer = new Float32Array(analyser.fftSize);
  const levels: number[] = [];
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(buffer);
    levels.push(Math.sqrt(buffer.reduce((sum, v) => sum + v * v, 0) / buffer.length));
    if (done(levels)) {
      stop();
      then();
    }
  }, 100);
  function stop() {
    clearInterval(timer);
    void ctx.close().catch(() => {});
  }
  return stop;
}

/** Calls `onSilence` once the speaker has spoken and then been quiet; returns a stop function. */
export const watchSilence = (stream: MediaStream, onSilence: () => void) => watchLevels(stream, (levels) => silenceAfterSpeech(levels, 100), onSilence);

/** Calls `onSpeech` once the speaker starts speaking while `when` holds; returns a stop function. */
export const watchSpeech = (stream: MediaStream, onSpeech: () => void, when: () => boolean = () => true) =>
  watchLevels(stream, (levels) => when() && speechStarted(levels), onSpeech);
