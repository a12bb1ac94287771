import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatMessageBody } from '../../adapters/web/chat-request.ts';
import { openFuzzApp, type FuzzApp } from './fuzz-app.ts';
import { hostileText } from './hostile-text.ts';

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

function post(payload: string, contentType = 'application/json') {
  return fuzz.app.server.inject({ method: 'POST', url: '/api/chat/messages', payload, headers: { 'content-type': contentType } });
}

/** A refusal the widget can show as it is: a 4xx with a stable error code and a sentence. */
function expectClearRefusal(response: Awaited<ReturnType<typeof post>>): void {
  expect(response.statusCode).toBeGreaterThanOrEqual(400);
  expect(response.statusCode).toBeLessThan(500);
  const body = response.json() as { error: unknown; message: unknown };
  expect(typeof body.error).toBe('string');
  expect(typeof body.message).toBe('string');
  expect((body.message as string).trim().length).toBeGreaterThan(5);
  expect(response.body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|Error:/);
}

const sessionIdLike = fc.oneof(
  hostileText,
  fc.uuid().map((id) => `${id} `),
  fc.uuid().map((id) => id.toUpperCase().replace(/-/g, '')),
  fc.constantFrom('../../etc/passwd', "' OR 1=1 --", '%00', '00000000-0000-0000-0000-00000000000g', '{"$ne":null}', 'null'),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.uuid(), { maxLength: 2 }),
);

describe('chat API under hostile bodies', () => {
  it('answers random JSON values with a clear 400 (or 200 for the rare valid body), never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => {
        const response = await post(JSON.stringify(value));
        if (chatMessageBody.safeParse(value).success) {
          expect(response.statusCode).toBe(200);
          return;
        }
        expect(response.statusCode).toBe(400);
        expectClearRefusal(response);
      }),
      { numRuns: 150 },
    );
    expect(fuzz.errors).toEqual([]);
  });

  it('answers objects that look almost right (wrong types, extra keys) without a 5xx', async () => {
    const almost = fc.record(
      {
        sessionId: fc.oneof(fc.uuid(), fc.anything()),
        text: fc.oneof(hostileText, fc.anything()),
        locale: fc.oneof(fc.constantFrom('zh-Hans', 'zh-Hant', 'en'), fc.anything()),
        clientMessageId: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), fc.anything()),
        constructor: fc.anything(),
        extra: fc.anything(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(almost, async (value) => {
        const response = await post(JSON.stringify(value));
        expect(response.statusCode).not.toBeGreaterThanOrEqual(500);
        if (response.statusCode === 200) {
          const body = response.json() as { replies: { text: string }[] };
          for (const reply of body.replies) expect(reply.text.trim()).not.toBe('');
        } else {
          expectClearRefusal(response);
        }
      }),
      { numRuns: 150 },
    );
    expect(fuzz.errors).toEqual([]);
  });

  it('accepts only a UUID as the bearer sessionId and never lets another value reach a conversation', async () => {
    await fc.assert(
      fc.asyncProperty(sessionIdLike, async (sessionId) => {
        const before = await fuzz.app.database.prisma.conversation.count();
        const response = await post(JSON.stringify({ sessionId, text: '电子证书怎么下载？' }));
        const after = await fuzz.app.database.prisma.conversation.count();
        if (chatMessageBody.safeParse({ sessionId, text: 'x' }).success) {
          expect(response.statusCode).toBe(200);
          expect(response.json()).toMatchObject({ sessionId });
          return;
        }
        expect(response.statusCode).toBe(400);
        expectClearRefusal(response);
        expect(after).toBe(before);
      }),
      { numRuns: 150 },
    );
    expect(fuzz.errors).toEqual([]);
  });

  it('refuses bodies that are not JSON at all (random bytes, truncated JSON, wrong content type) with a 4xx', async () => {
    const garbage = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
      fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 200 }),
      fc.jsonValue().map((value) => JSON.stringify({ sessionId: randomUUID(), text: value }).slice(0, -1)),
      fc.constantFrom('{', '{"text":', '[', '"', '\u0000', '{"text":"\ud800"', 'NaN', '{"text": "a"}}'),
      fc.constantFrom('{"__proto__":{"text":"证书"},"text":"证书"}', '{"constructor":{"prototype":{"text":"x"}},"text":"hi"}', '{"text":"a","text":"b"}'),
    );
    await fc.assert(
      fc.asyncProperty(garbage, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (payload, contentType) => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(payload);
        } catch {
          parsed = undefined;
        }
        const response = await post(payload, contentType);
        // Fastify refuses prototype poisoning (__proto__, constructor.prototype) before any schema sees the body.
        const poisoned = /"__proto__"|"constructor"\s*:\s*\{\s*"prototype"/.test(payload);
        if (contentType === 'application/json' && !poisoned && parsed !== undefined && chatMessageBody.safeParse(parsed).success) {
          expect(response.statusCode).toBe(200);
          return;
        }
        expectClearRefusal(response);
      }),
      { numRuns: 150 },
    );
    expect(fuzz.errors).toEqual([]);
  });
});
