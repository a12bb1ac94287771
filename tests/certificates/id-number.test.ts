import { describe, expect, it } from 'vitest';
import { DEMO_HOLDERS } from '../../src/certificates/demo-data.ts';
import { checkCharacter, hashIdNumber, idLast4, isValidIdNumber, normaliseIdNumber } from '../../src/certificates/id-number.ts';

describe('GB 11643 ID numbers', () => {
  it('accepts every demo ID number', () => {
    for (const holder of DEMO_HOLDERS) expect(isValidIdNumber(holder.idNumber), holder.name).toBe(true);
  });

  it('computes the published example check character', () => {
    // The worked example of GB 11643-1999: 11010519491231002X.
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('rejects a wrong check digit, an impossible birth date and wrong shapes', () => {
    expect(isValidIdNumber('110105199003071238')).toBe(false);
    expect(isValidIdNumber('110105199002301234')).toBe(false);
    expect(isValidIdNumber('11010519900307123')).toBe(false);
    expect(isValidIdNumber('1101051990030712399')).toBe(false);
    expect(isValidIdNumber("110105' OR '1'='1")).toBe(false);
    expect(isValidIdNumber('')).toBe(false);
  });

  it('normalises spaces and a lower-case x, and shows only the last four', () => {
    expect(normaliseIdNumber(' 110105 19491231002x ')).toBe('11010519491231002X');
    expect(idLast4('11010519491231002x')).toBe('002X');
  });

  it('hashes with the key: same number and key agree, another key differs, the number is not in the hash', () => {
    const a = hashIdNumber('110105199003071239', 'k'.repeat(32));
    expect(hashIdNumber(' 110105199003071239', 'k'.repeat(32))).toBe(a);
    expect(hashIdNumber('110105199003071239', 'j'.repeat(32))).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });
});
