/**
 * A view loaded with `import()` the first time it is needed, so it stays out of the page's
 * first-load JavaScript (the budget in test/budgets/first-load.ts).
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyView<P> {
  /** The component once loaded; undefined while loading or before it was needed. */
  readonly View: FunctionComponent<P> | undefined;
  /** The module could not be loaded (offline before the service worker cached it). */
  readonly failed: boolean;
}

export function useLazyView<P>(needed: boolean, load: () => Promise<FunctionComponent<P>>): LazyView<P> {
  const [View, setView] = useState<FunctionComponent<P> | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!needed || View) return;
    let active = true;
    load().then(
      (loaded) => active && setView(() => loaded),
      () => active && setFailed(true),
    );
    return () => {
      active = false;
    };
    // `load` is a fresh arrow on every render; what matters is whether the view is needed yet.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [needed, View]);
  return { View, failed };
}
