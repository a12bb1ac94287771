import { describe, expect, it } from 'vitest';
import { createIdSealer } from '../../src/identity/id-sealer.ts';

describe('createIdSealer', () => {
  const sealer = createIdSealer('a-secret-of-enough-length-for-tests-000');

  it('opens what it sealed, and the sealed text does not hold the number', () => {
    const sealed = sealer.seal('110105199003071239');
    expect(sealed).not.toContain('1101051990');
    expect(sealer.open(sealed)).toBe('110105199003071239');
    expect(sealer.seal('110105199003071239')).not.toBe(sealed);
  });

  it('refuses tampered text and another key', () => {
    const sealed = sealer.seal('110105199003071239');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(sealer.open(tampered)).toBeNull();
    expect(createIdSealer('another-secret-of-enough-length-000000').open(sealed)).toBeNull();
    expect(sealer.open('garbage')).toBeNull();
  });
});
