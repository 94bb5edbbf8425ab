/**
 * Warm-up of the PDF code once the member has shown the intent to export (opened the print part
 * or the report): after jsPDF and the fonts have loaded, one throwaway render while the browser is
 * idle, so the click finds jsPDF's code paths compiled, the font parsing run once and the text
 * widths measured (writer.ts keeps them per fonts). Without it the first file after a reload took
 * about twice as long as a second one. The output is discarded, and a failure is left for the
 * click to retry and report. Only the view of the print part calls this, never a page's first load.
 */

/** Kinds of document the member has exported in this page: warm already, no warm-up needed. */
const exported = new Set<string>();
/** Kinds whose warm-up has begun in this page: one warm-up per kind, even if the view opens again. */
const warming = new Set<string>();

/** Records that a document of `kind` has been exported, so no warm-up repeats the work. */
export function markWarm(kind: string): void {
  exported.add(kind);
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
 * How many throwaway renders, each in its own idle period: the engine compiles jsPDF's hot paths in
 * tiers, so a render after a few others took about half the time of the first (Node and Chromium).
 * Callers render a small sample, so a click that lands during a warm-up render waits little.
 */
export const WARM_UP_RENDERS = 3;

/**
 * Once `ready` resolves (code and fonts loaded), renders `WARM_UP_RENDERS` times with `render`, each
 * in its own idle period, unless a document of `kind` was already rendered. Returns the function
 * that cancels a warm-up not yet finished (the view closed): suitable as a `useEffect` cleanup.
 */
export function warmUpWhenReady<T>(kind: string, ready: Promise<T>, render: (loaded: T) => unknown): () => void {
  let cancelled = false;
  let cancelIdle = () => undefined as void;
  const renderWhenIdle = (loaded: T, left: number) => {
    cancelIdle = whenIdle(() => {
      if (cancelled || exported.has(kind)) return;
      if (left === WARM_UP_RENDERS) {
        if (warming.has(kind)) return;
        warming.add(kind);
      }
      void Promise.resolve()
        .then(() => render(loaded))
        // A failure is the click's to report; a later render would fail the same way.
        .then(
          () => left > 1 && renderWhenIdle(loaded, left - 1),
          () => undefined,
        );
    });
  };
  ready.then(
    (loaded) => renderWhenIdle(loaded, WARM_UP_RENDERS),
    () => undefined,
  );
  return () => {
    cancelled = true;
    cancelIdle();
  };
}
