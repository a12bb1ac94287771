import { checkCharacter } from '../certificates/id-number.ts';

export { checkCharacter };

const ID_SHAPE = /^[0-9]{17}[0-9X]$/;

export type IdNumberProblem = 'length' | 'characters' | 'check_digit';

/**
 * Upper-cases a trailing x and says what is wrong with an 18-character resident ID number, so the
 * dialog can re-prompt precisely; the certificate service checks the same GB 11643 digit again.
 */
export function validateIdNumber(raw: string): { ok: true; idNumber: string } | { ok: false; problem: IdNumberProblem } {
  const idNumber = raw.trim().toUpperCase();
  if (idNumber.length !== 18) return { ok: false, problem: 'length' };
  if (!ID_SHAPE.test(idNumber)) return { ok: false, problem: 'characters' };
  if (checkCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, idNumber };
}
