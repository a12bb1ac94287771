const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const ID_SHAPE = /^[0-9]{17}[0-9X]$/;

/** The GB 11643 check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (WEIGHTS[index] ?? 0);
  return CHECK_CHARACTERS[sum % 11] ?? '';
}

export type IdNumberProblem = 'length' | 'characters' | 'check_digit';

/** Upper-cases a trailing x and reports what is wrong with an 18-character resident ID number, if anything. */
export function validateIdNumber(raw: string): { ok: true; idNumber: string } | { ok: false; problem: IdNumberProblem } {
  const idNumber = raw.trim().toUpperCase();
  if (idNumber.length !== 18) return { ok: false, problem: 'length' };
  if (!ID_SHAPE.test(idNumber)) return { ok: false, problem: 'characters' };
  if (checkCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, problem: 'check_digit' };
  return { ok: true, idNumber };
}
