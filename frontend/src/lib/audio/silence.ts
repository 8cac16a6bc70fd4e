// Call mode ends a turn by itself once the speaker has spoken and then been quiet for a moment.

/** True once `quietMs` of quiet follow speech, given level samples (RMS 0..1) `stepMs` apart. */
export function silenceAfterSpeech(levels: number[], stepMs: number, quietMs = 1500, threshold = 0.02): boolean {
  const spoke = levels.findIndex((l) => l > threshold);
  if (spoke < 0) return false;
  let quiet = 0;
  for (let i = spoke + 1; i < levels.length; i++) quiet = levels[i] > threshold ? 0 : quiet + stepMs;
  return quiet >= quietMs;
}

/** Samples the stream's level every 100 ms and calls `onSilence` once; returns a stop function. */
export function watchSilence(stream: MediaStream, onSilence: () => void): () => void {
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
    if (silenceAfterSpeech(levels, 100)) {
      stop();
      onSilence();
    }
  }, 100);
  function stop() {
    clearInterval(timer);
    void ctx.close().catch(() => {});
  }
  return stop;
}
