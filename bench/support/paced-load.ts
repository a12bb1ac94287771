import { SESSION_SCRIPT, sessionIds } from './chat-mix.ts';

export interface PacedResult {
  sent: number;
  answered: number;
  failed: number;
  /** Sessions that were still waiting for their previous answer when their turn came (the send was skipped). */
  skipped: number;
  latencyMs: { p50: number; p97_5: number; p99: number; max: number };
}

/**
 * Chat turns at an even pace: one request every 1000/rate ms, the sessions taking turns in
 * order (each walks the session script), so 100 sessions at 100 req/s each write once a second,
 * as people typing would. Unlike a closed loop this measures latency without self-made queues.
 * Bounded: it sends for `seconds` and then waits for the answers still in flight.
 */
export async function pacedLoad(url: string, rate: number, seconds: number, sessions = 100): Promise<PacedResult> {
  const ids = sessionIds(sessions, 3);
  const step = new Array<number>(sessions).fill(0);
  const busy = new Array<boolean>(sessions).fill(false);
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  let failed = 0;
  let skipped = 0;
  const total = Math.round(rate * seconds);
  const started = performance.now();
  for (let index = 0; index < total; index += 1) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const session = index % sessions;
    if (busy[session]) {
      skipped += 1;
      continue;
    }
    const turn = SESSION_SCRIPT[step[session]! % SESSION_SCRIPT.length]!;
    step[session]! += 1;
    busy[session] = true;
    sent += 1;
    const t0 = performance.now();
    const request = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sessionId: ids[session], text: turn.text }) })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.ok) latencies.push(performance.now() - t0);
        else failed += 1;
      })
      .catch(() => {
        failed += 1;
      })
      .finally(() => {
        busy[session] = false;
        inFlight.delete(request);
      });
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
  return { sent, answered: latencies.length, failed, skipped, latencyMs: { p50: at(50), p97_5: at(97.5), p99: at(99), max: latencies.at(-1) ?? Number.NaN } };
}
