/**
 * Warm-up of the PDF code once the member has shown the intent to export (opened the print part
 * or the report): after jsPDF and the fonts have loaded, one throwaway render while the browser is
 * idle, so the click finds jsPDF's code paths compiled, the font parsing run once and the text
 * widths measured (writer.ts keeps them per fonts). Without it the first file after a reload took
 * about twice as long as a second one. The output is discarded, and a failure is left for the
 * click to retry and report. Only the view of the print part calls this, never a page's first load.
 */

/** Which documents have been rendered in this page (by a warm-up or a real export): warm already. */
const warm = new Set<string>();

/** Records that a document of `kind` has been rendered, so no warm-up repeats the work. */
export function markWarm(kind: string): void {
  warm.add(kind);
}

/** Runs `task` when the browser is idle (a short timeout where requestIdleCallback is missing); returns a cancel. */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 50);
  return () => clearTimeout(handle);
}

/**
 * Once `ready` resolves (code and fonts loaded), renders once with `render` when the browser is idle,
 * unless a document of `kind` was already rendered. Returns the function that cancels a warm-up
 * not yet started (the view closed): suitable as a `useEffect` cleanup.
 */
export function warmUpWhenReady<T>(kind: string, ready: Promise<T>, render: (loaded: T) => unknown): () => void {
  let cancelled = false;
  let cancelIdle = () => undefined as void;
  ready.then(
    (loaded) => {
      if (cancelled || warm.has(kind)) return;
      cancelIdle = whenIdle(() => {
        if (cancelled || warm.has(kind)) return;
        warm.add(kind);
        try {
          void Promise.resolve(render(loaded)).catch(() => undefined);
        } catch {
          // The click renders again and reports what went wrong.
        }
      });
    },
    () => undefined,
  );
  return () => {
    cancelled = true;
    cancelIdle();
  };
}
