/**
 * Passphrase encryption with the standard Web Crypto API (browsers and Node alike):
 * PBKDF2-SHA-256 derives an AES-GCM-256 key; every sealed value gets a fresh random 96-bit IV.
 */

/** PBKDF2 iterations for new keys: OWASP's current recommendation for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000;

/** How a sealed value is stored (persisted shape: never rename fields). */
export interface Sealed {
  /** Base64 of the 12-byte AES-GCM IV. */
  readonly iv: string;
  /** Base64 of the ciphertext with its authentication tag. */
  readonly data: string;
}

/** Parameters needed to derive the key again from the passphrase. */
export interface KeyParameters {
  /** Always "PBKDF2-SHA-256". */
  readonly kdf: 'PBKDF2-SHA-256';
  /** Iteration count used when the key was made. */
  readonly iterations: number;
  /** Base64 of the 16-byte salt. */
  readonly salt: string;
}

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

export function isSealed(value: unknown): value is Sealed {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>)['iv'] === 'string' &&
    typeof (value as Record<string, unknown>)['data'] === 'string'
  );
}

export function isKeyParameters(value: unknown): value is KeyParameters {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record['kdf'] === 'PBKDF2-SHA-256' &&
    typeof record['iterations'] === 'number' &&
    Number.isInteger(record['iterations']) &&
    record['iterations'] >= 100_000 &&
    record['iterations'] <= 10_000_000 &&
    typeof record['salt'] === 'string'
  );
}
