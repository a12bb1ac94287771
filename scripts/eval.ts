import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createFaqAnswerer } from '../src/faq/create-faq-answerer.ts';
import type { FaqAnswerer } from '../src/faq/types.ts';

const rowSchema = z.object({ text: z.string(), expect: z.string().min(1) });
export type EvalRow = z.infer<typeof rowSchema>;

export interface EvalReport {
  total: number;
  correct: number;
  accuracy: number;
  byLabel: Record<string, { total: number; correct: number; accuracy: number }>;
  misses: { text: string; expect: string; got: string }[];
}

/** Parses JSONL `{"text","expect"}` lines; blank lines are skipped, a bad line fails with its number. */
export function parseEvalFile(content: string, source = 'input'): EvalRow[] {
  const rows: EvalRow[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    if (line.trim().length === 0) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`${source}:${index + 1}: not valid JSON`);
    }
    const parsed = rowSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${source}:${index + 1}: expected {"text": string, "expect": string}`);
    rows.push(parsed.data);
  });
  return rows;
}

const ratio = (correct: number, total: number): number => (total === 0 ? 0 : Number((correct / total).toFixed(4)));

export function evaluate(answerer: FaqAnswerer, rows: readonly EvalRow[]): EvalReport {
  const byLabel: EvalReport['byLabel'] = {};
  const misses: EvalReport['misses'] = [];
  let correct = 0;
  for (const row of rows) {
    const got = answerer.classify(row.text).label;
    const bucket = (byLabel[row.expect] ??= { total: 0, correct: 0, accuracy: 0 });
    bucket.total += 1;
    if (got === row.expect) {
      bucket.correct += 1;
      correct += 1;
    } else {
      misses.push({ text: row.text, expect: row.expect, got });
    }
  }
  for (const bucket of Object.values(byLabel)) bucket.accuracy = ratio(bucket.correct, bucket.total);
  return { total: rows.length, correct, accuracy: ratio(correct, rows.length), byLabel, misses };
}

export function formatReport(report: EvalReport): string {
  const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
  const labels = Object.keys(report.byLabel).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const lines = labels.map((label) => {
    const bucket = report.byLabel[label]!;
    return `${label.padEnd(16)} ${String(bucket.correct).padStart(4)}/${String(bucket.total).padEnd(4)} ${percent(bucket.accuracy)}`;
  });
  lines.push(`${'overall'.padEnd(16)} ${String(report.correct).padStart(4)}/${String(report.total).padEnd(4)} ${percent(report.accuracy)}`);
  if (report.misses.length > 0) {
    lines.push('', 'misses:');
    for (const miss of report.misses) lines.push(`  expected ${miss.expect}, got ${miss.got}: ${miss.text}`);
  }
  return lines.join('\n');
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const file = args.find((arg) => arg !== '--json');
  if (!file) {
    process.stderr.write('usage: npm run eval -- FILE.jsonl [--json]\n');
    process.exitCode = 2;
  } else {
    try {
      const report = evaluate(createFaqAnswerer(), parseEvalFile(readFileSync(file, 'utf8'), file));
      process.stdout.write(`${json ? JSON.stringify(report) : formatReport(report)}\n`);
    } catch (error) {
      process.stderr.write(`eval: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  }
}
