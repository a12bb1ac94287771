import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCharacter, validateIdNumber } from '../../src/identity/id-number.ts';

describe('validateIdNumber', () => {
  it('accepts the demo holders’ numbers and a lower-case x', () => {
    expect(validateIdNumber('110105199003071239')).toEqual({ ok: true, idNumber: '110105199003071239' });
    expect(validateIdNumber('11010519491231002x')).toEqual({ ok: true, idNumber: '11010519491231002X' });
  });

  it('names the problem: length, characters or check digit', () => {
    expect(validateIdNumber('11010519900307123')).toEqual({ ok: false, problem: 'length' });
    expect(validateIdNumber('1101051990030712A9')).toEqual({ ok: false, problem: 'characters' });
    expect(validateIdNumber('110105199003071238')).toEqual({ ok: false, problem: 'check_digit' });
  });

  it('accepts exactly one check character for any 17 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{17}$/), (first17) => {
        const valid = [...'0123456789X'].filter((last) => validateIdNumber(first17 + last).ok);
        expect(valid).toEqual([checkCharacter(first17)]);
      }),
      { numRuns: 200 },
    );
  });
});
