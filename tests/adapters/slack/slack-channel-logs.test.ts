import Fastify from 'fastify';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createSlackChannel, type SlackChannel } from '../../../adapters/slack/slack-channel.ts';
import { FakeSlackApi } from './fake-slack-api.ts';
import { FakeFaq, FakeHandoffDesk, FakeLedger, SIGNING_SECRET, eventBody, postSigned } from './fakes.ts';

const QUESTION = '我的身份证 110105199003071239 加注失败怎么办';
let api: FakeSlackApi;
let lines: string[];
let channel: SlackChannel;

beforeEach(async () => {
  api = new FakeSlackApi();
  const apiUrl = await api.start();
  lines = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  channel = createSlackChannel({
    botToken: 'xoxb-test',
    signingSecret: SIGNING_SECRET,
    apiUrl,
    staffUserIds: [],
    handoffChannel: 'C_HANDOFF',
    faq: new FakeFaq(),
    certificates: { findByNumber: async () => null },
    handoff: new FakeHandoffDesk(),
    ledger: new FakeLedger(),
    // No redaction here on purpose: the adapter itself must not hand text to the logger.
    logger: pino({ level: 'debug' }, sink),
    retry: { sleep: async () => {}, backoffMs: 1 },
  });
});

afterEach(async () => {
  await channel.stop();
  await api.stop();
});

it('logs failures without the message text or ID numbers', async () => {
  const fastify = Fastify();
  channel.registerRoutes(fastify);
  const failure = { status: 500, body: { ok: false } };
  api.script('chat.postMessage', failure, failure, failure);
  const body = eventBody('EvLog', { type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text: QUESTION, ts: '1.1' });
  expect((await postSigned(fastify, body)).statusCode).toBe(200);
  expect((await postSigned(fastify, body, { secret: 'forged' })).statusCode).toBe(401);
  await channel.whenIdle();
  await fastify.close();
  const log = lines.join('');
  expect(log).toContain('Slack API call failed');
  expect(log).toContain('refused a Slack request');
  expect(log).not.toContain('110105199003071239');
  expect(log).not.toContain('加注失败');
  expect(JSON.stringify(api.callsOf('chat.postMessage'))).not.toContain('110105199003071239');
});
