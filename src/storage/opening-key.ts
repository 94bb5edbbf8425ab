/** Derives the key from a passphrase and checks it against the lock settings. Only ever loaded with import(). */
import { deriveKey, unseal, WrongPassphraseError } from '../domain/sealed';
import type { LockSettings } from './lock-settings';

/** The key the passphrase gives; throws WrongPassphraseError unless it opens the check value to `check` (LOCK_CHECK). */
export async function openingKey(passphrase: string, settings: LockSettings, check: string): Promise<CryptoKey> {
  const key = await deriveKey(passphrase, settings.parameters);
  if ((await unseal(key, settings.check)) !== check) throw new WrongPassphraseError();
  return key;
}
