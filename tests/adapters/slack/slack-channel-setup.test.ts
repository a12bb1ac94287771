import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createSlackChannel, type SlackChannelOptions } from '../../../adapters/slack/slack-channel.ts';
import { createLogger } from '../../../src/logging.ts';
import { FakeFaq, FakeHandoffDesk, FakeLedger } from './fakes.ts';

function options(overrides: Partial<SlackChannelOptions>): SlackChannelOptions {
  return {
    botToken: 'xoxb-test',
    signingSecret: 'secret',
    staffUserIds: [],
    handoffChannel: 'C_HANDOFF',
    faq: new FakeFaq(),
    certificates: { findByNumber: async () => null },
    handoff: new FakeHandoffDesk(),
    ledger: new FakeLedger(),
    logger: createLogger('silent'),
    ...overrides,
  };
}

describe('createSlackChannel setup', () => {
  it('names the missing setting', () => {
    expect(() => createSlackChannel(options({ botToken: '' }))).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => createSlackChannel(options({ signingSecret: '' }))).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => createSlackChannel(options({ handoffChannel: '' }))).toThrow(/SLACK_HANDOFF_CHANNEL/);
  });

  it('registers no HTTP route in Socket Mode', async () => {
    const channel = createSlackChannel(options({ appToken: 'xapp-test', signingSecret: '' }));
    const fastify = Fastify();
    channel.registerRoutes(fastify);
    const response = await fastify.inject({ method: 'POST', url: '/slack/events', payload: '{}' });
    expect(response.statusCode).toBe(404);
    expect(channel.sender.channel).toBe('slack');
    await fastify.close();
  });
});
