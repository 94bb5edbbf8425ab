/** Hash routes of the self-review tool, so the browser's Back button moves between views. */
import { useEffect, useState } from 'preact/hooks';
import { ID_PATTERN_SOURCE } from '../../domain/limits';

export const reviewTabs = ['thong-tin', 'tu-soi', 'uu-diem', 'ke-hoach', 'theo-doi', 'tong-ket', 'in', 'gui-chi-bo'] as const;
export type ReviewTab = (typeof reviewTabs)[number];

export type Route = { view: 'list' } | { view: 'review'; id: string; tab: ReviewTab };

/** Review ids follow the record schema's id rule, so every review a file may hold can be opened. */
const routePattern = new RegExp(`^#/ban/(${ID_PATTERN_SOURCE})/([a-z-]+)/?$`);

export function parseRoute(hash: string): Route {
  const match = routePattern.exec(hash);
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
