/**
 * The stored shapes of sealed values and key parameters, and their checks, without any crypto:
 * a page can tell sealed data from plain data before it loads the code that opens it (sealed.ts).
 * Persisted shapes: never rename fields.
 */

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

/** A stored record with a sealed whole (see sealed-form.ts). */
export function isSealedForm(value: unknown): value is { readonly sealed: Sealed } {
  return typeof value === 'object' && value !== null && isSealed((value as Record<string, unknown>)['sealed']);
}
