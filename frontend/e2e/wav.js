// Silent WAV files for the browser tests: the stand-in's speech and chromium's fake microphone.

/** 1 s of mono PCM silence at `rate` Hz with `bits` (8 or 16) per sample. */
export function silentWav(rate, bits) {
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
  return wav;
}
