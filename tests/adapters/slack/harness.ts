import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { createSlackChannel, type SlackChannel } from '../../../adapters/slack/slack-channel.ts';
import type { CertificateView } from '../../../src/certificates/types.ts';
import { createLogger } from '../../../src/logging.ts';
import { buildServer } from '../../../src/server/build-server.ts';
import { FakeSlackApi, type RecordedCall } from './fake-slack-api.ts';
import { FakeFaq, FakeHandoffDesk, FakeLedger, SIGNING_SECRET, demoCertificate, eventBody } from './fakes.ts';

export const STAFF = 'USTAFF';
export const HANDOFF_CHANNEL = 'C_HANDOFF';

/** The real Slack channel on the shared fastify server, talking to a fake Web API, with in-memory ports. */
export interface Harness {
  api: FakeSlackApi;
  server: FastifyInstance;
  channel: SlackChannel;
  faq: FakeFaq;
  ledger: FakeLedger;
  desk: FakeHandoffDesk;
  /** Certificate numbers looked up, in order. */
  lookups: string[];
  /** When set, look-ups wait for it. */
  lookupGate: Promise<void> | null;
  /** Waits the poster asked for (retries sleep through this list, not the clock). */
  sleeps: number[];
  /** Web API calls other than the bot's identity check. */
  sent(): RecordedCall[];
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const api = new FakeSlackApi();
  const apiUrl = await api.start();
  const harness = {
    api,
    faq: new FakeFaq(),
    ledger: new FakeLedger(),
    desk: new FakeHandoffDesk(),
    lookups: [] as string[],
    lookupGate: null as Promise<void> | null,
    sleeps: [] as number[],
  };
  const channel = createSlackChannel({
    botToken: 'xoxb-test',
    signingSecret: SIGNING_SECRET,
    apiUrl,
    staffUserIds: [STAFF],
    handoffChannel: HANDOFF_CHANNEL,
    faq: harness.faq,
    certificates: {
      findByNumber: async (number): Promise<CertificateView | null> => {
        harness.lookups.push(number);
        if (harness.lookupGate) await harness.lookupGate;
        return number === 'YJ2021000123' ? demoCertificate() : null;
      },
    },
    handoff: harness.desk,
    ledger: harness.ledger,
    logger: createLogger('silent'),
    retry: { sleep: async (ms) => void harness.sleeps.push(ms), backoffMs: 10 },
  });
  const server = await buildServer({ metrics: new Registry(), checkDatabase: async () => {} });
  channel.registerRoutes(server);
  await server.ready();
  await channel.start();
  return Object.assign(harness, {
    server,
    channel,
    sent: () => api.calls.filter((call) => call.method !== 'auth.test'),
    close: async () => {
      await channel.stop();
      await server.close();
      await api.stop();
    },
  });
}

/** A direct message from U1 to the bot. */
export function dm(eventId: string, text: string, extra: Record<string, unknown> = {}): string {
  return eventBody(eventId, { type: 'message', channel: 'D1', channel_type: 'im', user: 'U1', text, ts: '1700000100.000100', ...extra });
}

/** A reply in a thread of the handoff channel. */
export function threadReply(eventId: string, text: string, user = STAFF, threadTs = '1700000000.000888'): string {
  return eventBody(eventId, { type: 'message', channel: HANDOFF_CHANNEL, channel_type: 'channel', user, text, ts: '1700000200.000001', thread_ts: threadTs });
}
