// Video call: the camera runs while it is on in a call, and the moment the user finishes speaking
// one frame of it becomes a PNG data URL attached to the message (as the stock UI does).

import { frameOf, playing } from '../media/frames';

export const cameraAvailable = (): boolean => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

export class Camera {
  stream: MediaStream | null = null;
  private video: HTMLVideoElement | null = null;

  async start(): Promise<MediaStream> {
    if (this.stream) return this.stream;
    const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    const video = await playing(stream).catch((e) => {
      stream.getTracks().forEach((track) => track.stop());
      throw e;
    });
    this.stream = stream;
    this.video = video;
    return stream;
  }

  /** The current frame as a PNG data URL, or null when the camera is off. */
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
  }
}
