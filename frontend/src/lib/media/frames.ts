// Frames of a live video stream (a shared screen, the camera): a muted video element playing the
// stream, and one of its frames drawn onto a canvas.

/** A video element playing `stream`, resolved once its first frame has a size. */
export async function playing(stream: MediaStream): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();
  // the first frame may not be painted yet when play() resolves
  if (!video.videoWidth) await new Promise((resolve) => video.addEventListener('resize', resolve, { once: true }));
  return video;
}

/** The video's current frame on a canvas of its size. */
export function frameOf(video: HTMLVideoElement): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d')!.drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas;
}
