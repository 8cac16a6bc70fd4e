// Video call: the chosen video source (a camera, or the shared screen) runs while video is on in a
// call, and the moment the user finishes speaking one frame of it becomes a PNG data URL attached
// to the message (as the stock UI does).

import { frameOf, playing } from '../media/frames';

/** The source id of the shared screen (the stock UI's id for it as well); cameras use their deviceId. */
export const SCREEN = 'screen';

/** A video source to pick: `label` is the browser's name for a camera ('' until access is granted). */
export interface VideoSource {
  id: string;
  label: string;
}

export const cameraAvailable = (): boolean => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

/** The cameras the browser lists, then the screen when it can be shared. */
export async function videoSources(): Promise<VideoSource[]> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  const cameras = devices.filter((d) => d.kind === 'videoinput' && d.deviceId).map((d) => ({ id: d.deviceId, label: d.label }));
  return 'getDisplayMedia' in navigator.mediaDevices ? [...cameras, { id: SCREEN, label: '' }] : cameras;
}

function open(source: string | undefined): Promise<MediaStream> {
  if (source === SCREEN) return navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
  return navigator.mediaDevices.getUserMedia({ video: source ? { deviceId: { exact: source } } : true, audio: false });
}

export class Camera {
  stream: MediaStream | null = null;
  /** The running source's id: SCREEN or the camera's deviceId. */
  source = '';
  private video: HTMLVideoElement | null = null;

  /** `ended` runs when the source stops by itself (the browser's "Stop sharing" of a screen). */
  constructor(private readonly ended: () => void = () => {}) {}

  /**
   * Runs `source` (the default camera when none is named). The one running before is stopped only
   * once the new one plays, so a refused camera or a cancelled screen prompt leaves it as it was.
   */
  async start(source?: string): Promise<MediaStream> {
    if (this.stream && (source === undefined || source === this.source)) return this.stream;
    const stream = await open(source);
    const video = await playing(stream).catch((e) => {
      stream.getTracks().forEach((track) => track.stop());
      throw e;
    });
    this.stop();
    const track = stream.getVideoTracks()[0];
    track?.addEventListener('ended', () => this.stream === stream && this.ended());
    this.stream = stream;
    this.video = video;
    this.source = source ?? track?.getSettings().deviceId ?? '';
    return stream;
  }

  /** The current frame as a PNG data URL, or null when video is off. */
  frame(): string | null {
    const video = this.video;
    if (!video || !video.videoWidth) return null;
    return frameOf(video).toDataURL('image/png');
  }

  stop(): void {
    this.stream?.getTracks().forEach((track) => track.stop());
    if (this.video) this.video.srcObject = null;
    this.stream = null;
    this.video = null;
    this.source = '';
  }
}
