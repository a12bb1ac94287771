import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import type { BenchRow } from './types.ts';

/**
 * `npm run bench [suite…]`: runs every benchmark suite (or the named ones), prints one table
 * and writes bench/results.json. Benchmarks are never part of `npm test`.
 */
const suites: Record<string, () => Promise<BenchRow[]>> = {
  faq: async () => (await import('./faq.bench.ts')).runFaqBench(),
  certificates: async () => (await import('./certificates.bench.ts')).runCertificateBench(),
  engine: async () => (await import('./engine.bench.ts')).runEngineBench(),
  http: async () => (await import('./http.bench.ts')).runHttpBench(),
  memory: async () => (await import('./memory.bench.ts')).runMemoryBench(),
};

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(`Unknown suite(s): ${unknown.join(', ')}. Known: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}

const rows: BenchRow[] = [];
for (const [name, run] of Object.entries(suites)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.error(`running ${name} …`);
  try {
    rows.push(...(await run()));
  } catch (error) {
    console.error(`suite ${name} failed: ${(error as Error).message}`);
    rows.push({ suite: name, name: 'suite failed', value: Number.NaN, unit: '', note: (error as Error).message });
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
const header = '| suite | measure | value | target | met |';
const lines = rows.map((row) => {
  const value = Number.isFinite(row.value) ? `${formatValue(row.value)} ${row.unit}` : 'failed';
  const met = row.met === undefined ? '' : row.met ? 'yes' : 'no';
  return `| ${row.suite} | ${row.name}${row.note ? ` (${row.note})` : ''} | ${value} | ${row.target ?? ''} | ${met} |`;
});
console.log(`Machine: ${machine}\n\n${header}\n|---|---|---|---|---|\n${lines.join('\n')}`);
const resultsFile = new URL('./results.json', import.meta.url);
const ranSuites = new Set(rows.map((row) => row.suite));
// A partial run (`npm run bench memory`) replaces only its own suites' rows.
const keptRows = existsSync(resultsFile)
  ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { rows: BenchRow[] }).rows.filter((row) => !ranSuites.has(row.suite))
  : [];
const allRows = [...keptRows, ...rows].sort((a, b) => suiteOrder(a.suite) - suiteOrder(b.suite));
writeFileSync(resultsFile, `${JSON.stringify({ machine, at: new Date().toISOString(), rows: allRows }, null, 2)}\n`);
process.exit(0);

function suiteOrder(suite: string): number {
  const index = Object.keys(suites).indexOf(suite);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
}

function formatValue(value: number): string {
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toFixed(3);
}
