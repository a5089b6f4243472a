/** Files in and out of the browser for the admin imports and exports: base64 both ways, and the row errors of a read sheet. */

/** Reads a picked file as base64 (without the data-URL prefix), reporting progress in percent. */
export function readFileAsBase64(
  file: Blob,
  onProgress: (percent: number) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => resolve(base64OfDataUrl(String(reader.result)));
    reader.readAsDataURL(file);
  });
}

export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}

/** Hands an exported file to the browser as a download. */
export function downloadBase64(fileName: string, mimeType: string, contentBase64: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The sheet's row errors by field, for highlighting cells. */
export function errorsByField(
  errors: ReadonlyArray<{ field: string; message: string }>,
): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const { field, message } of errors)
    byField.set(field, [...(byField.get(field) ?? []), message]);
  return byField;
}
