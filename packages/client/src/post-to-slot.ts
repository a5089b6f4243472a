/**
 * Sends one file straight to MinIO through a presigned POST policy a service issued (an evidence
 * file, a consultation's attachment), reporting upload progress: fetch cannot report it, so this
 * is XMLHttpRequest.
 */

/** The upload part of a slot: POST `url` with every entry of `fields`, then the file. */
export interface PresignedPost {
  method: 'POST';
  url: string;
  fields: Record<string, string>;
}

/** MinIO answered something other than 204: its XML body, kept for the console only. */
export class SlotPostError extends Error {
  override readonly name = 'SlotPostError';
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`the upload to storage failed with HTTP ${status}`);
  }
}

export function postToSlot(
  slot: PresignedPost,
  file: File,
  onProgress: (percent: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    // The policy's fields first; S3 ignores every field after the file.
    for (const [name, value] of Object.entries(slot.fields)) form.append(name, value);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open(slot.method, slot.url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.floor((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve();
      } else reject(new SlotPostError(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new SlotPostError(0, ''));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
