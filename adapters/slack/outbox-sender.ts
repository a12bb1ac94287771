import type { HandoffDesk } from '../../src/handoff/types.ts';
import { localize } from '../../src/i18n/locale.ts';
import type { Logger } from '../../src/logging.ts';
import type { ChannelSender, OutboxPayload } from '../../src/messaging/types.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { fill, phrases } from './phrases.ts';
import { renderReply } from './render-reply.ts';
import { renderTicket } from './render-ticket.ts';
import type { SlackPoster } from './slack-poster.ts';

/**
 * Delivers outbox rows addressed to Slack. A thrown error tells the dispatcher to retry the row
 * later (Slack down, rate limited for long, or a ticket whose thread is not attached yet).
 */
export function createSlackSender(deps: { handoff: HandoffDesk; handoffChannel: string; poster: SlackPoster; logger: Logger }): ChannelSender {
  const log = deps.logger.child({ component: 'slack-sender' });

  async function openTicket(ticketId: string): Promise<void> {
    const ticket = await deps.handoff.get(ticketId);
    if (ticket === null) {
      log.warn({ ticketId }, 'handoff ticket not found; nothing posted');
      return;
    }
    if (ticket.slackThreadTs !== null) return; // posted by an earlier delivery of this row
    const posted = await deps.poster.postMessage({ channel: deps.handoffChannel, ...renderTicket(ticket) });
    await deps.handoff.attachThread(ticket.id, posted.channel, posted.ts);
  }

  async function relayCandidate(ticketId: string, text: string): Promise<void> {
    if (text.trim() === '') return;
    const ticket = await deps.handoff.get(ticketId);
    if (ticket === null) {
      log.warn({ ticketId }, 'handoff ticket not found; candidate message dropped');
      return;
    }
    if (ticket.slackChannel === null || ticket.slackThreadTs === null) {
      throw new Error(`handoff ticket ${ticketId} has no Slack thread yet; retry after handoff_opened is delivered`);
    }
    await deps.poster.postMessage({
      channel: ticket.slackChannel,
      thread_ts: ticket.slackThreadTs,
      text: fill(localize(phrases.candidateSays, 'zh-Hans'), { text: escapeMrkdwn(text) }),
    });
  }

  return {
    channel: 'slack',
    async deliver(chatId: string, payload: OutboxPayload): Promise<void> {
      switch (payload.kind) {
        case 'handoff_opened':
          return openTicket(payload.ticketId);
        case 'handoff_message':
          return relayCandidate(payload.ticketId, payload.text);
        case 'replies':
          for (const reply of payload.replies) {
            const message = renderReply(reply);
            if (message.text.trim() === '') continue;
            await deps.poster.postMessage({ channel: chatId, ...message });
          }
      }
    },
  };
}
