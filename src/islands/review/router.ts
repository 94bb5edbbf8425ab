/** Hash routes of the self-review tool, so the browser's Back button moves between views. */
import { useEffect, useState } from 'preact/hooks';

export const reviewTabs = ['thong-tin', 'tu-soi', 'uu-diem', 'ke-hoach', 'theo-doi', 'tong-ket', 'in', 'gui-chi-bo'] as const;
export type ReviewTab = (typeof reviewTabs)[number];

export type Route = { view: 'list' } | { view: 'review'; id: string; tab: ReviewTab };

export function parseRoute(hash: string): Route {
  const match = /^#\/ban\/([A-Za-z0-9-]{1,80})\/([a-z-]+)\/?$/.exec(hash);
  if (match?.[1] && match[2] && (reviewTabs as readonly string[]).includes(match[2])) {
    return { view: 'review', id: match[1], tab: match[2] as ReviewTab };
  }
  return { view: 'list' };
}

export function routeHash(route: Route): string {
  return route.view === 'list' ? '#/' : `#/ban/${route.id}/${route.tab}`;
}

export function navigate(route: Route): void {
  const hash = routeHash(route);
  if (location.hash !== hash) location.hash = hash;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
