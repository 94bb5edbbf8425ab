/**
 * A record stored sealed: the fields a store must still read without the key (its key path, an
 * index, the revision for the conflict check) stay plain beside the sealed whole. Persisted shape.
 * (`isSealedForm`, which needs no crypto, is in sealed-shape.ts.)
 */
import { seal, unseal } from './sealed';
import type { Sealed } from './sealed-shape';

export type SealedForm<T, K extends keyof T> = Pick<T, K> & { readonly sealed: Sealed };

/** Seals `value` with `key`, keeping `plain` fields readable. */
export async function sealForm<T extends object, K extends keyof T>(
  key: CryptoKey,
  value: T,
  plain: readonly K[],
): Promise<SealedForm<T, K>> {
  const kept = {} as Pick<T, K>;
  for (const field of plain) kept[field] = value[field];
  return { ...kept, sealed: await seal(key, value) };
}

/** The sealed whole of a stored form; throws WrongPassphraseError when `key` does not open it. */
export function openForm(key: CryptoKey, form: { readonly sealed: Sealed }): Promise<unknown> {
  return unseal(key, form.sealed);
}
