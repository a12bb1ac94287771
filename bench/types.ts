/** One line of the benchmark table (README and bench/results.json). */
export interface BenchRow {
  suite: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  met?: boolean;
  note?: string;
}
