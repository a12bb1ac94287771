import type { FastifyInstance } from 'fastify';
import { SESSION_SCRIPT } from './chat-mix.ts';

export interface MemoryReading {
  rssMb: number;
  heapUsedMb: number;
  externalMb: number;
}

/** Memory after two full garbage collections (the process must run with --expose-gc to collect at all). */
export async function measureMemory(): Promise<MemoryReading> {
  const collect = (globalThis as { gc?: () => void }).gc;
  for (let round = 0; round < 2; round += 1) {
    collect?.();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const usage = process.memoryUsage();
  const mb = (bytes: number) => bytes / (1024 * 1024);
  return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), externalMb: mb(usage.external) };
}

/** Openers a new session may start with: every one is understood, so no conversation starts as a failure. */
const OPENERS = SESSION_SCRIPT.filter((turn) => turn.kind === 'faq' || turn.kind === 'smalltalk' || turn.text.startsWith('/'));

/**
 * One chat turn for each session id through the chat route, `concurrency` at a time (a bounded
 * loop: exactly `sessionIds.length` requests). A reply that is not 200 stops the run.
 */
export async function createConversations(server: FastifyInstance, sessionIds: string[], concurrency: number): Promise<void> {
  let next = 0;
  async function worker(): Promise<void> {
    while (next < sessionIds.length) {
      const index = next;
      next += 1;
      const opener = OPENERS[index % OPENERS.length]!;
      const response = await server.inject({ method: 'POST', url: '/api/chat/messages', payload: { sessionId: sessionIds[index], text: opener.text } });
      if (response.statusCode !== 200) throw new Error(`turn for session ${index} answered ${response.statusCode}: ${response.body}`);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, sessionIds.length) }, () => worker()));
}
