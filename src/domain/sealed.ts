/**
 * Passphrase encryption with the standard Web Crypto API (browsers and Node alike):
 * PBKDF2-SHA-256 derives an AES-GCM-256 key; every sealed value gets a fresh random 96-bit IV.
 */

// The stored shapes and their checks live in sealed-shape.ts (no crypto: pages load it up front);
// this module imports only their types, so loading it on demand loads nothing else.
import type { KeyParameters, Sealed } from './sealed-shape';

export type { KeyParameters, Sealed } from './sealed-shape';

/** PBKDF2 iterations for new keys: OWASP's current recommendation for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

/** The passphrase does not open this data (or the data was altered). */
export class WrongPassphraseError extends Error {
  constructor() {
    super('Mật khẩu không đúng, hoặc dữ liệu đã bị sửa đổi.');
    this.name = 'WrongPassphraseError';
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export function newKeyParameters(iterations = PBKDF2_ITERATIONS): KeyParameters {
  return { kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(crypto.getRandomValues(new Uint8Array(16))) };
}

/** Derives a non-extractable AES-GCM key from a passphrase (normalised to NFC so any keyboard gives the same key). */
export async function deriveKey(passphrase: string, parameters: KeyParameters): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(parameters.salt), iterations: parameters.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function seal(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return { iv: toBase64(iv), data: toBase64(cipher) };
}

export async function unseal(key: CryptoKey, sealed: Sealed): Promise<unknown> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.data));
    return JSON.parse(new TextDecoder().decode(plain)) as unknown;
  } catch {
    throw new WrongPassphraseError();
  }
}
