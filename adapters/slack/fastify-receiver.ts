import { ReceiverMultipleAckError, type App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '../../src/logging.ts';
import { parseSlackBody, urlVerificationChallenge } from './parse-body.ts';
import { verifySlackSignature } from './verify-signature.ts';

export interface FastifyReceiverOptions {
  signingSecret: string;
  logger: Logger;
  now?: () => number;
  /** Slack gives up after 3 s; if no listener acknowledged by then, answer 200 and keep working. */
  ackDeadlineMs?: number;
}

const NOT_ACKED = Symbol('not acknowledged');

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Bolt's Receiver for HTTP mode, with the HTTP side as a fastify route: verifies the signature
 * before anything is parsed for the app, answers the url_verification handshake, hands the body
 * to `App.processEvent` and sends the HTTP response as soon as a listener acknowledges, while
 * the listener's work continues after the response.
 */
export class FastifyReceiver implements Receiver {
  private app: App | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly log: Logger;
  private readonly now: () => number;

  constructor(private readonly options: FastifyReceiverOptions) {
    this.log = options.logger.child({ component: 'slack-receiver' });
    this.now = options.now ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  /** Waits for work that continues after the acknowledgement. */
  async stop(): Promise<void> {
    await this.idle();
  }

  /** Resolves when no event is being processed (bounded: events started meanwhile are awaited too, ten rounds at most). */
  async idle(): Promise<void> {
    for (let round = 0; round < 10 && this.inFlight.size > 0; round += 1) await Promise.allSettled([...this.inFlight]);
  }

  register(fastify: FastifyInstance, path = '/slack/events'): void {
    void fastify.register(async (scope) => {
      // The signature covers the exact bytes, so this scope keeps the body as a string.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
      scope.post(path, (request, reply) => this.handle(request, reply));
    });
  }

  private async handle(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const rawBody = typeof request.body === 'string' ? request.body : '';
    const verdict = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      rawBody,
      signature: header(request, 'x-slack-signature'),
      timestamp: header(request, 'x-slack-request-timestamp'),
      nowMs: this.now(),
    });
    if (!verdict.ok) {
      this.log.warn({ reason: verdict.reason }, 'refused a Slack request');
      return reply.code(401).send({ error: 'invalid Slack signature' });
    }
    const body = parseSlackBody(rawBody, header(request, 'content-type'));
    if (body === null) return reply.code(400).send({ error: 'the body is neither JSON nor a Slack form' });
    if (body['ssl_check'] !== undefined) return reply.code(200).send('');
    const challenge = urlVerificationChallenge(body);
    if (challenge !== null) return reply.code(200).send({ challenge });
    if (this.app === undefined) return reply.code(503).send({ error: 'the Slack app is not initialised' });

    let acknowledge: (response: unknown) => void = () => {};
    const acked = new Promise<unknown>((resolve) => {
      acknowledge = resolve;
    });
    let isAcked = false;
    const retryHeader = header(request, 'x-slack-retry-num');
    const event: ReceiverEvent = {
      body,
      ...(retryHeader !== undefined && /^\d+$/.test(retryHeader) ? { retryNum: Number(retryHeader) } : {}),
      ...(header(request, 'x-slack-retry-reason') ? { retryReason: header(request, 'x-slack-retry-reason') } : {}),
      ack: async (response?: unknown) => {
        if (isAcked) throw new ReceiverMultipleAckError();
        isAcked = true;
        acknowledge(response);
      },
    };
    const work = this.track(
      this.app.processEvent(event).catch((error: unknown) => {
        this.log.error({ err: error instanceof Error ? error.message : String(error) }, 'a Slack event failed after acknowledgement');
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof NOT_ACKED>((resolve) => {
      timer = setTimeout(() => resolve(NOT_ACKED), this.options.ackDeadlineMs ?? 2_500);
    });
    const outcome = await Promise.race([acked, work.then(() => (isAcked ? acked : NOT_ACKED)), deadline]);
    clearTimeout(timer);
    if (outcome === NOT_ACKED) {
      if (isAcked) return reply.code(200).send('');
      if (this.inFlight.has(work)) {
        this.log.error('no listener acknowledged a Slack request within the deadline; answered 200 to stop retries');
        return reply.code(200).send('');
      }
      return reply.code(404).send({ error: 'no listener handled this Slack request' });
    }
    if (outcome === undefined || outcome === null || outcome === '') return reply.code(200).send('');
    return reply.code(200).send(outcome);
  }

  private track(work: Promise<void>): Promise<void> {
    const tracked = work.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    return tracked;
  }
}
