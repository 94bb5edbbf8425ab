/**
 * Hands a file the member asked for to the browser's download, for both the PDF and backups.
 * Callers verify the bytes (backups are read back) before calling this.
 */

import { URL_LIFETIME_MS } from '../domain/limits';

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  setTimeout(() => URL.revokeObjectURL(url), URL_LIFETIME_MS);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
