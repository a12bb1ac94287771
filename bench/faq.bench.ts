import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createFaqAnswerer } from '../src/faq/create-faq-answerer.ts';
import { loadFaqEntries } from '../src/faq/load-entries.ts';
import type { Reply } from '../src/engine/types.ts';
import type { BenchRow } from './types.ts';

const ROUNDS = 20;
const P99_TARGET_MS = 1;

/** The default question set: every entry's own phrasings plus actions, smalltalk, noise and a long paste. */
function defaultQuestions(): string[] {
  const questions = loadFaqEntries().flatMap((entry) => [entry.question.zh, entry.question.en, ...entry.phrasings]);
  questions.push('帮我加注', '给我下载链接', '我的证书出了吗', '你好', 'thanks', '明天天气怎么样', 'asdfghjkl', '😀😀😀', '');
  questions.push(`证书打不开${'啊'.repeat(20_000)}`);
  return questions;
}

function questionsFrom(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim().length > 0)
    .map((line) => String((JSON.parse(line) as { text?: unknown }).text ?? ''));
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/**
 * Time per answer (classify + build the reply) over a question set, after a warm-up round.
 * Reads no evaluation file unless a JSONL path is passed explicitly.
 */
export async function runFaqBench(questionsPath?: string): Promise<BenchRow[]> {
  const buildStart = performance.now();
  const answerer = createFaqAnswerer();
  const buildMs = performance.now() - buildStart;
  const questions = questionsPath ? questionsFrom(questionsPath) : defaultQuestions();

  const answer = (text: string): Reply | undefined => {
    const classification = answerer.classify(text);
    if (classification.label.startsWith('faq:')) return answerer.answerEntry(Number(classification.label.slice(4)), classification.locale);
    if (classification.label === 'none') return answerer.unsure(classification);
    return undefined;
  };

  for (const text of questions) answer(text);
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const text of questions) {
      const start = performance.now();
      answer(text);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  const median = percentile(samples, 0.5);
  const p99 = percentile(samples, 0.99);
  const note = `${questions.length} questions × ${ROUNDS} rounds${questionsPath ? ` from ${questionsPath}` : ''}`;
  const round3 = (value: number): number => Number(value.toFixed(3));
  return [
    { suite: 'faq', name: 'answer median (classify + answer)', value: round3(median), unit: 'ms', note },
    { suite: 'faq', name: 'answer p99 (classify + answer)', value: round3(p99), unit: 'ms', target: `< ${P99_TARGET_MS} ms`, met: p99 < P99_TARGET_MS, note },
    { suite: 'faq', name: 'answerer build (load + index)', value: round3(buildMs), unit: 'ms', note: '17 entries, once per process' },
  ];
}

const isMain = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const rows = await runFaqBench(process.argv[2]);
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
}
