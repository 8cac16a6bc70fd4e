// Records the microphone with MediaRecorder in a format the speech engines take (webm/opus in
// Chromium and Firefox, mp4/aac in Safari), and hands the recording over as a named file.

import { t } from '../i18n.svelte';

const FORMATS: [string, string][] = [
  ['audio/webm;codecs=opus', 'webm'],
  ['audio/webm', 'webm'],
  ['audio/ogg;codecs=opus', 'ogg'],
  ['audio/mp4', 'm4a']
];

/** The first format the browser can record, with the file extension the server keeps. */
export function recordingFormat(supported: (type: string) => boolean = (t) => MediaRecorder.isTypeSupported(t)): { type: string; ext: string } {
  const found = FORMATS.find(([type]) => supported(type));
  return found ? { type: found[0], ext: found[1] } : { type: '', ext: 'webm' };
}

const RAW_AUDIO: MediaTrackConstraints = { echoCancellation: false, noiseSuppression: false, autoGainControl: false };

/** The audio of what the user chooses to share; the picture is dropped at once. */
async function sharedAudio(): Promise<MediaStream> {
  const shared = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: true });
  shared.getVideoTracks().forEach((track) => track.stop());
  const audio = shared.getAudioTracks();
  if (!audio.length) throw new Error(t('What you shared has no sound: share a tab and turn on "Share tab audio".'));
  return new MediaStream(audio);
}

export class Recorder {
  private recorder: MediaRecorder | null = null;
  private stream: MediaStream | null = null;
  private chunks: Blob[] = [];

  get active(): boolean {
    return this.recorder !== null;
  }

  /** The microphone stream while recording (call mode listens to it for silence). */
  get mediaStream(): MediaStream | null {
    return this.stream;
  }

  /**
   * Starts recording the microphone or, with `tab`, the sound of a tab or screen the user shares
   * (a meeting in another tab); `raw` turns off the voice processing meant for calls, which would
   * treat a room's other speakers as noise.
   */
  async start(options: { source?: 'microphone' | 'tab'; raw?: boolean } = {}): Promise<void> {
    this.stream = options.source === 'tab' ? await sharedAudio() : await navigator.mediaDevices.getUserMedia({ audio: options.raw ? RAW_AUDIO : true });
    const format = recordingFormat();
    this.chunks = [];
    this.recorder = new MediaRecorder(this.stream, format.type ? { mimeType: format.type } : undefined);
    this.recorder.ondataavailable = (e) => e.data.size > 0 && this.chunks.push(e.data);
    this.recorder.start();
  }

  /** Stops and returns the recording (its type without codec parameters, as the server checks it). */
  stop(): Promise<File> {
    const recorder = this.recorder;
    if (!recorder) return Promise.reject(new Error('Not recording'));
    return new Promise((resolve) => {
      recorder.onstop = () => {
        const type = (recorder.mimeType || this.chunks[0]?.type || 'audio/webm').split(';')[0];
        const ext = FORMATS.find(([t]) => t.split(';')[0] === type)?.[1] ?? 'webm';
        resolve(new File(this.chunks, `recording.${ext}`, { type }));
        this.release();
      };
      recorder.stop();
    });
  }

  cancel(): void {
    if (this.recorder && this.recorder.state !== 'inactive') {
      this.recorder.onstop = null;
      this.recorder.stop();
    }
    this.release();
  }

  private release(): void {
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
    this.recorder = null;
  }
}
