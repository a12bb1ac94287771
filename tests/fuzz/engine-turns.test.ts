import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TurnResult } from '../../src/engine/types.ts';
import { openFuzzApp, type FuzzApp } from './fuzz-app.ts';
import { hostileText, hugeText } from './hostile-text.ts';

const MAX_TURN_MS = 2_000;
const INTENT = /^(faq:[1-9][0-9]?|action:(status|annotate|download)|smalltalk|none|flow|handoff)$/;

let fuzz: FuzzApp;

beforeAll(async () => {
  fuzz = await openFuzzApp();
});

beforeEach(() => {
  fuzz.errors.length = 0;
});

afterAll(async () => {
  await fuzz?.close();
});

/** What every turn must look like: a known intent, replies with text, and silence only for a chat handed to staff. */
function expectSaneTurn(result: TurnResult, elapsedMs: number): void {
  expect(elapsedMs).toBeLessThan(MAX_TURN_MS);
  expect(result.intent).toMatch(INTENT);
  if (result.intent !== 'handoff') expect(result.replies.length).toBeGreaterThan(0);
  for (const reply of result.replies) {
    expect(reply.text.trim()).not.toBe('');
    for (const button of reply.buttons ?? []) expect(button.label.trim()).not.toBe('');
  }
}

async function turn(chatId: string, text: string, channel: 'web' | 'telegram' = 'telegram'): Promise<TurnResult> {
  const started = performance.now();
  const result = await fuzz.app.assistant.engine.handleTurn({ channel, chatId, text });
  expectSaneTurn(result, performance.now() - started);
  return result;
}

describe('engine turns under random and hostile messages (composed app, in-memory PGlite)', () => {
  it('answers short conversations of random Unicode without an error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { minLength: 1, maxLength: 3 }), async (texts) => {
        const chatId = randomUUID();
        for (const text of texts) await turn(chatId, text);
      }),
      { numRuns: 80 },
    );
    expect(fuzz.errors).toEqual([]);
  });

  it('answers messages of up to 20,000 characters (as a Telegram chat, which has no 2,000 character cap) in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(hugeText, async (text) => {
        await turn(randomUUID(), text);
      }),
      { numRuns: 15 },
    );
    expect(fuzz.errors).toEqual([]);
  });

  it('keeps a running flow sane when hostile text arrives in the middle of it', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (first, second) => {
        const chatId = randomUUID();
        const started = await turn(chatId, '/status');
        expect(started.intent).toBe('action:status');
        await turn(chatId, first);
        await turn(chatId, second);
      }),
      { numRuns: 30 },
    );
    expect(fuzz.errors).toEqual([]);
  });

  it('answers the chat API for random Unicode turns with 200 and non-empty replies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, hugeText), async (text) => {
        const started = performance.now();
        const response = await fuzz.app.server.inject({ method: 'POST', url: '/api/chat/messages', payload: { sessionId: randomUUID(), text } });
        const elapsed = performance.now() - started;
        if (text.trim() === '') {
          expect(response.statusCode).toBe(400);
          return;
        }
        expect(response.statusCode).toBe(200);
        const body = response.json() as TurnResult;
        expectSaneTurn({ ...body, locale: 'zh-Hans' }, elapsed);
      }),
      { numRuns: 60 },
    );
    expect(fuzz.errors).toEqual([]);
  });
});
