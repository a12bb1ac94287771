import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultFaqDir, FaqLoadError, loadFaqEntries } from '../../src/faq/load-entries.ts';

const valid = (number: number, extra: Record<string, unknown> = {}) => ({
  number,
  question: { zh: `问题${number}`, en: `Question ${number}` },
  answer: { zh: `回答${number}`, en: `Answer ${number}` },
  related: [],
  keywords: [`关键词${number}`],
  ...extra,
});

const dirs: string[] = [];
function dirWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'faq-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadFaqEntries', () => {
  it('loads the 17 repository entries numbered 1 to 17', () => {
    const entries = loadFaqEntries();
    expect(entries.map((entry) => entry.number)).toEqual(Array.from({ length: 17 }, (_, index) => index + 1));
    expect(loadFaqEntries(defaultFaqDir)).toEqual(entries);
  });

  it('loads a small valid directory sorted by number, with defaults filled', () => {
    const entries = loadFaqEntries(dirWith({ 'b.json': valid(2, { related: [1] }), 'a.json': valid(1) }));
    expect(entries.map((entry) => entry.number)).toEqual([1, 2]);
    expect(entries[0]?.phrasings).toEqual([]);
    expect(entries[0]?.excludes).toEqual([]);
  });

  it('fails naming the file and field when an answer is missing', () => {
    const { answer: _answer, ...withoutAnswer } = valid(1);
    const dir = dirWith({ '01.json': withoutAnswer });
    expect(() => loadFaqEntries(dir)).toThrow(FaqLoadError);
    expect(() => loadFaqEntries(dir)).toThrow(/01\.json: field "answer"/);
  });

  it('fails on an empty English answer', () => {
    const dir = dirWith({ '01.json': valid(1, { answer: { zh: '回答', en: '  ' } }) });
    expect(() => loadFaqEntries(dir)).toThrow(/01\.json: field "answer\.en": must not be empty/);
  });

  it('fails on a duplicate number, naming both files', () => {
    const dir = dirWith({ '01.json': valid(1), '02.json': valid(1) });
    expect(() => loadFaqEntries(dir)).toThrow(/02\.json: field "number": 1 is already used by 01\.json/);
  });

  it('fails on a file that is not JSON', () => {
    const dir = dirWith({ '01.json': valid(1), '02.json': '{ "number": 2, ' });
    expect(() => loadFaqEntries(dir)).toThrow(/02\.json: not valid JSON/);
  });

  it('fails on an unknown field and on a related entry that does not exist', () => {
    expect(() => loadFaqEntries(dirWith({ '01.json': valid(1, { anwser: 'typo' }) }))).toThrow(/01\.json/);
    expect(() => loadFaqEntries(dirWith({ '01.json': valid(1, { related: [5] }) }))).toThrow(/field "related\[0\]": entry 5/);
  });

  it('fails clearly on an empty or missing directory', () => {
    expect(() => loadFaqEntries(dirWith({}))).toThrow(/holds no \.json entry/);
    expect(() => loadFaqEntries(join(tmpdir(), 'no-such-faq-dir-xyz'))).toThrow(/cannot be read/);
  });

  it('ignores files that are not .json', () => {
    const dir = dirWith({ '01.json': valid(1), 'README.md': '# notes' });
    expect(loadFaqEntries(dir)).toHaveLength(1);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# notes');
  });
});
