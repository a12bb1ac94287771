import type { App } from '@slack/bolt';
import type { HandoffDesk } from '../../src/handoff/types.ts';
import { localize } from '../../src/i18n/locale.ts';
import type { Logger } from '../../src/logging.ts';
import { asPersonMessage } from './message-event.ts';
import { slackTextToPlain } from './mrkdwn.ts';
import { fill, phrases } from './phrases.ts';
import type { SlackPoster } from './slack-poster.ts';

const RESOLVE_WORDS = new Set(['resolve', 'resolved', '解决', '已解决', '结束']);

/** "resolved", "已解决。", " 结束! " all close a ticket; anything longer is a reply to the user. */
export function isResolveCommand(text: string): boolean {
  return RESOLVE_WORDS.has(text.trim().toLowerCase().replace(/[\s.。!！]+$/u, ''));
}

/**
 * Staff answer a ticket by replying in its thread in the handoff channel: each reply goes to the
 * candidate through the desk; a resolve word closes the ticket and is confirmed in the thread.
 */
export function registerHandoffReplies(app: App, deps: { handoff: HandoffDesk; handoffChannel: string; poster: SlackPoster; logger: Logger }): void {
  const log = deps.logger.child({ component: 'slack-handoff' });
  const zh = (phrase: { zh: string; en: string }) => localize(phrase, 'zh-Hans');

  app.event('message', async ({ event }) => {
    const message = asPersonMessage(event);
    if (message === null || message.channel !== deps.handoffChannel) return;
    const threadTs = message.thread_ts;
    if (threadTs === undefined || threadTs === message.ts) return;
    const inThread = (text: string) => deps.poster.postMessage({ channel: message.channel, thread_ts: threadTs, text });
    try {
      const ticket = await deps.handoff.findByThread(threadTs);
      if (ticket === null || (ticket.slackChannel !== null && ticket.slackChannel !== message.channel)) return;
      if (ticket.status === 'RESOLVED') {
        await inThread(zh(phrases.alreadyResolved));
        return;
      }
      const staffName = await deps.poster.userName(message.user);
      const text = slackTextToPlain(message.text);
      const resolving = isResolveCommand(text);
      try {
        if (resolving) await deps.handoff.resolve(ticket.id, staffName);
        else await deps.handoff.staffReply(ticket.id, text, staffName);
      } catch (error) {
        log.error({ ticketId: ticket.id, reason: error instanceof Error ? error.message : String(error) }, 'the desk refused a staff reply');
        await inThread(zh(phrases.relayFailed));
        return;
      }
      if (resolving) await inThread(fill(zh(phrases.resolved), { staff: staffName }));
    } catch (error) {
      log.error({ threadTs, reason: error instanceof Error ? error.message : String(error) }, 'could not handle a staff reply');
    }
  });
}
