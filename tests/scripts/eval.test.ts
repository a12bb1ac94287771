import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluate, formatReport, parseEvalFile } from '../../scripts/eval.ts';
import { createFaqAnswerer } from '../../src/faq/create-faq-answerer.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'faq-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = [
  { text: '證書下載後打不開', expect: 'faq:16' },
  { text: 'my annotation has run out', expect: 'faq:9' },
  { text: '帮我加注', expect: 'action:annotate' },
  { text: '红烧鱼的做法', expect: 'none' },
  { text: '红烧鱼的做法', expect: 'faq:1' },
];
const file = join(dir, 'rows.jsonl');
writeFileSync(file, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n\n`);

describe('eval', () => {
  it('parses JSONL, skipping blank lines, and names a bad line', () => {
    expect(parseEvalFile('{"text":"a","expect":"none"}\n\n')).toEqual([{ text: 'a', expect: 'none' }]);
    expect(() => parseEvalFile('{"text":"a","expect":"none"}\n{oops', 'f.jsonl')).toThrow('f.jsonl:2: not valid JSON');
    expect(() => parseEvalFile('{"text":"a"}', 'f.jsonl')).toThrow('f.jsonl:1: expected');
  });

  it('counts accuracy per label and overall and lists the misses', () => {
    const report = evaluate(createFaqAnswerer(), rows);
    expect(report).toMatchObject({ total: 5, correct: 4, accuracy: 0.8 });
    expect(report.byLabel['none']).toEqual({ total: 1, correct: 1, accuracy: 1 });
    expect(report.byLabel['faq:1']).toEqual({ total: 1, correct: 0, accuracy: 0 });
    expect(report.misses).toEqual([{ text: '红烧鱼的做法', expect: 'faq:1', got: 'none' }]);
    expect(formatReport(report)).toMatch(/overall\s+4\/5\s+80\.0%/);
  });

  it('with --json prints exactly one JSON object on stdout, through npm too', async () => {
    const direct = await run('node_modules/.bin/tsx', ['scripts/eval.ts', file, '--json'], { timeout: 20_000 });
    const report = JSON.parse(direct.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['total', 'correct', 'accuracy', 'byLabel', 'misses']);
    expect(direct.stdout.trim().split('\n')).toHaveLength(1);
    const viaNpm = await run('npm', ['run', 'eval', '--', file, '--json'], { timeout: 20_000 });
    expect(JSON.parse(viaNpm.stdout)).toEqual(report);
  });

  it('prints a table without --json and fails clearly on a missing file', async () => {
    const table = await run('node_modules/.bin/tsx', ['scripts/eval.ts', file], { timeout: 20_000 });
    expect(table.stdout).toMatch(/faq:16\s+1\/1/);
    await expect(run('node_modules/.bin/tsx', ['scripts/eval.ts', join(dir, 'missing.jsonl'), '--json'], { timeout: 20_000 })).rejects.toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^eval: .*missing\.jsonl/),
    });
  });
});
