import { App } from '@slack/bolt';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FastifyReceiver } from '../../../adapters/slack/fastify-receiver.ts';
import { createLogger } from '../../../src/logging.ts';
import { SIGNING_SECRET, commandBody, postSigned } from './fakes.ts';

const form = { contentType: 'application/x-www-form-urlencoded' };
let fastify: FastifyInstance;
let receiver: FastifyReceiver;
let app: App;
let finished: string[];

beforeEach(async () => {
  finished = [];
  receiver = new FastifyReceiver({ signingSecret: SIGNING_SECRET, logger: createLogger('silent'), ackDeadlineMs: 50 });
  app = new App({ receiver, convoStore: false, authorize: async () => ({ botToken: 'xoxb-test', botId: 'BBOT', botUserId: 'UBOT' }) });
  app.command('/echo', async ({ ack, command }) => {
    await ack({ response_type: 'ephemeral', text: `echo ${command.text}` });
  });
  app.command('/forgetful', async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    finished.push('forgetful');
  });
  fastify = Fastify();
  receiver.register(fastify);
  await fastify.ready();
});

afterEach(async () => {
  await receiver.stop();
  await fastify.close();
});

describe('FastifyReceiver', () => {
  it('sends what the listener acknowledges with as the HTTP response', async () => {
    const response = await postSigned(fastify, commandBody({ command: '/echo', user_id: 'U1', text: 'hi', trigger_id: 't1' }), form);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ response_type: 'ephemeral', text: 'echo hi' });
  });

  it('answers 200 at the deadline when a listener never acknowledges, and lets it finish', async () => {
    const response = await postSigned(fastify, commandBody({ command: '/forgetful', user_id: 'U1', text: '', trigger_id: 't2' }), form);
    expect(response.statusCode).toBe(200);
    expect(finished).toEqual([]);
    await receiver.idle();
    expect(finished).toEqual(['forgetful']);
  });

  it('answers 404 when no listener handles the request', async () => {
    const response = await postSigned(fastify, commandBody({ command: '/unknown', user_id: 'U1', text: '', trigger_id: 't3' }), form);
    expect(response.statusCode).toBe(404);
  });

  it('answers the SSL check and refuses unreadable bodies', async () => {
    expect((await postSigned(fastify, 'ssl_check=1&token=x', form)).statusCode).toBe(200);
    expect((await postSigned(fastify, 'not json')).statusCode).toBe(400);
  });
});
