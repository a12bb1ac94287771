import { createHash } from 'node:crypto';

/** Telegram's limit for `callback_data`, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;
const HASHED_PREFIX = '#h:';

export type DecodedCallback = { kind: 'value'; value: string } | { kind: 'expired' };

export interface CallbackDataStore {
  /** The value itself when it fits in 64 bytes, otherwise a short key remembered for later. */
  encode(value: string): string;
  decode(data: string): DecodedCallback;
}

/**
 * Button values longer than Telegram allows are replaced by a hashed key; the key → value map
 * keeps the most recently used `capacity` entries. A key evicted (or minted by another
 * instance) decodes as `expired`, so the user is asked to type instead.
 */
export function createCallbackDataStore(capacity = 1_000): CallbackDataStore {
  const values = new Map<string, string>();
  return {
    encode(value) {
      if (Buffer.byteLength(value, 'utf8') <= CALLBACK_DATA_LIMIT) return value;
      const key = HASHED_PREFIX + createHash('sha256').update(value).digest('base64url').slice(0, 22);
      values.delete(key);
      values.set(key, value);
      if (values.size > capacity) {
        const oldest = values.keys().next();
        if (!oldest.done) values.delete(oldest.value);
      }
      return key;
    },
    decode(data) {
      const value = values.get(data);
      if (value !== undefined) return { kind: 'value', value };
      if (data.startsWith(HASHED_PREFIX)) return { kind: 'expired' };
      return { kind: 'value', value: data };
    },
  };
}
