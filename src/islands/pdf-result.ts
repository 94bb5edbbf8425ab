/** Words about a made PDF shared by the plan, report and paper-form views. */

/** "12 KB": the size a member sees after a file is made (never "0 KB"). */
export function fileSizeLabel(bytes: Uint8Array): string {
  return `${Math.max(1, Math.round(bytes.length / 1024))} KB`;
}

/** A thrown message already in Vietnamese is shown as it is; anything else gives `fallback`. */
export function pdfFailureMessage(caught: unknown, fallback: string): string {
  return caught instanceof Error && /[ăâđêôơư]/i.test(caught.message) ? caught.message : fallback;
}
