// WAV files for the browser tests: the stand-in's speech and chromium's fake microphone (silent, or
// a steady tone standing in for a user who speaks).

/** 1 s of mono PCM silence at `rate` Hz with `bits` (8 or 16) per sample. */
export function silentWav(rate, bits) {
  return pcmWav(rate, bits, () => 0);
}

/** 1 s of a 440 Hz tone at a third of full scale, 16-bit mono at `rate` Hz (loud enough to count as speech). */
export function toneWav(rate) {
  return pcmWav(rate, 16, (i) => Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * 0x7fff / 3));
}

/** 1 s of mono PCM; `sample(i)` is the signed value of sample i (16-bit only; 8-bit stays silent). */
function pcmWav(rate, bits, sample) {
  const bytes = bits / 8;
  const size = rate * bytes;
  // 8-bit PCM is unsigned (silence is 0x80), 16-bit signed (silence is 0)
  const wav = Buffer.alloc(44 + size, bits === 8 ? 0x80 : 0);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + size, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * bytes, 28);
  wav.writeUInt16LE(bytes, 32);
  wav.writeUInt16LE(bits, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(size, 40);
  if (bits === 16) for (let i = 0; i < rate; i++) wav.writeInt16LE(sample(i), 44 + i * 2);
  return wav;
}
