import { z } from 'zod';
import { isValidIdNumber, normaliseIdNumber } from './id-number.ts';

/** Chinese or Latin names with spaces, ·, apostrophes, hyphens and dots; nothing that reads as code. */
export const holderNameSchema = z
  .string()
  .trim()
  .min(1, 'name is required')
  .max(50, 'name is longer than 50 characters')
  .regex(/^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z ·.'-]*$/u, 'name may hold only Chinese or Latin letters, spaces, ·, apostrophes, hyphens and dots');

export const idNumberSchema = z
  .string()
  .max(40, 'ID number is too long')
  .transform(normaliseIdNumber)
  .refine(isValidIdNumber, 'ID number is not a valid 18-character resident ID number (check digit or birth date wrong)');

export const certificateNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{4,32}$/, 'certificate number must be 4 to 32 letters, digits or hyphens');

export const qualificationSchema = z.string().trim().min(1, 'qualification is required').max(100, 'qualification is longer than 100 characters');

export const examYearSchema = z.coerce
  .number({ message: 'exam year must be a number' })
  .int('exam year must be a whole number')
  .min(1990, 'exam year must be 1990 or later')
  .max(2100, 'exam year must be 2100 or earlier');

export const batchStateSchema = z.enum(['RECEIVING', 'ONLINE'], { message: 'state must be RECEIVING or ONLINE' });

export const calendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be written YYYY-MM-DD')
  .refine((day) => new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'date does not exist');
