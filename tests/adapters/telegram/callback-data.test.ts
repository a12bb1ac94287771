import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_LIMIT, createCallbackDataStore } from '../../../adapters/telegram/callback-data.ts';

describe('callback data store', () => {
  it('uses a value of up to 64 bytes as it is', () => {
    const store = createCallbackDataStore();
    const fits = '证'.repeat(21);
    expect(store.encode(fits)).toBe(fits);
    expect(store.decode(fits)).toEqual({ kind: 'value', value: fits });
  });

  it('replaces a longer value by a stable short key that decodes back', () => {
    const store = createCallbackDataStore();
    const long = '证'.repeat(22);
    const key = store.encode(long);
    expect(Buffer.byteLength(key, 'utf8')).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    expect(store.encode(long)).toBe(key);
    expect(store.decode(key)).toEqual({ kind: 'value', value: long });
  });

  it('forgets the least recently used values beyond its capacity', () => {
    const store = createCallbackDataStore(2);
    const keys = ['一', '二', '三'].map((prefix) => store.encode(prefix.repeat(30)));
    expect(store.decode(keys[0] ?? '')).toEqual({ kind: 'expired' });
    expect(store.decode(keys[1] ?? '')).toEqual({ kind: 'value', value: '二'.repeat(30) });
    expect(store.decode(keys[2] ?? '')).toEqual({ kind: 'value', value: '三'.repeat(30) });
  });
});
