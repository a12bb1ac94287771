import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { faqEntrySchema, type FaqEntry } from './entry-schema.ts';

export type { FaqEntry } from './entry-schema.ts';

/** The repository's `faq/` directory, found from this module's location (works under tsx and vitest). */
export const defaultFaqDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../faq');

export class FaqLoadError extends Error {
  override name = 'FaqLoadError';
}

/**
 * Reads and validates every `*.json` file of `dir`, sorted by entry number. Throws a
 * `FaqLoadError` naming the file and the field on the first problem: unreadable JSON, a missing or
 * empty field, a duplicate number, or a related entry that does not exist.
 */
export function loadFaqEntries(dir: string = defaultFaqDir): FaqEntry[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new FaqLoadError(`FAQ directory ${dir} cannot be read: ${(error as Error).message}`);
  }
  if (files.length === 0) throw new FaqLoadError(`FAQ directory ${dir} holds no .json entry`);

  const byNumber = new Map<number, { entry: FaqEntry; file: string }>();
  for (const name of files) {
    const file = join(dir, name);
    const entry = parseEntryFile(file);
    const previous = byNumber.get(entry.number);
    if (previous) {
      throw new FaqLoadError(`${file}: field "number": ${entry.number} is already used by ${basename(previous.file)}`);
    }
    byNumber.set(entry.number, { entry, file });
  }

  for (const { entry, file } of byNumber.values()) {
    entry.related.forEach((related, index) => {
      if (!byNumber.has(related) || related === entry.number) {
        throw new FaqLoadError(`${file}: field "related[${index}]": entry ${related} is not another existing entry`);
      }
    });
  }
  return [...byNumber.values()].map(({ entry }) => entry).sort((a, b) => a.number - b.number);
}

function parseEntryFile(file: string): FaqEntry {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FaqLoadError(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  const parsed = faqEntrySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new FaqLoadError(`${file}: field "${field}": ${issue?.message ?? 'invalid entry'}`);
  }
  return parsed.data;
}
