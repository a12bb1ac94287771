import { createHmac } from 'node:crypto';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const SHAPE = /^[1-9]\d{5}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/;

/** Trims, drops inner spaces and upper-cases a trailing x, so "11010519900307123x " compares equal. */
export function normaliseIdNumber(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** The GB 11643 check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * WEIGHTS[index]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** An 18-character resident ID number with a real birth date and the right GB 11643 check character. */
export function isValidIdNumber(input: string): boolean {
  const id = normaliseIdNumber(input);
  const shape = SHAPE.exec(id);
  if (!shape) return false;
  const [year, month, day] = [Number(shape[1]), Number(shape[2]), Number(shape[3])];
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  return checkCharacter(id.slice(0, 17)) === id[17];
}

/** The keyed hash the database stores instead of the number (HMAC-SHA256, hex). */
export function hashIdNumber(idNumber: string, key: string): string {
  return createHmac('sha256', key).update(normaliseIdNumber(idNumber)).digest('hex');
}

export function idLast4(idNumber: string): string {
  return normaliseIdNumber(idNumber).slice(-4);
}
