/** Saves a file the API returned as base64 (the self-assessment's PDF or Excel export). */
import type { SelfAssessmentExport } from '@par/contracts';

export function downloadExport(file: SelfAssessmentExport): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
