/** Derives the key from a passphrase and checks it against the lock settings. Only ever loaded with import(). */
import { deriveKey, unseal, WrongPassphraseError } from '../domain/sealed';
import { LOCK_CHECK, type LockSettings } from './lock-settings';

/** The key the passphrase gives; throws WrongPassphraseError when it does not open the check value. */
export async function openingKey(passphrase: string, settings: LockSettings): Promise<CryptoKey> {
  const key = await deriveKey(passphrase, settings.parameters);
  if ((await unseal(key, settings.check)) !== LOCK_CHECK) throw new WrongPassphraseError();
  return key;
}
