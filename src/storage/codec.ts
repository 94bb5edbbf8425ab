/**
 * Loads validation and migrations on first use: listing reviews needs neither, so the review
 * list's first load stays small. Awaited before any transaction opens, never inside one.
 */
import type * as Codec from '../domain/review-codec';

let loading: Promise<typeof Codec> | undefined;
let loaded: typeof Codec | undefined;

export function reviewCodec(): Promise<typeof Codec> {
  loading ??= import('../domain/review-codec').then((module) => (loaded = module));
  return loading;
}

/** The codec when it has already loaded: lets a save start its transaction without awaiting anything. */
export function loadedCodec(): typeof Codec | undefined {
  return loaded;
}
