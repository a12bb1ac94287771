import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { FaqAnswerer } from '../../src/faq/types.ts';
import { localize } from '../../src/i18n/locale.ts';
import type { Logger } from '../../src/logging.ts';
import { asPersonMessage } from './message-event.ts';
import { slackTextToPlain } from './mrkdwn.ts';
import { phrases } from './phrases.ts';
import { REPLY_BUTTON_ACTION, renderReply } from './render-reply.ts';
import type { SlackMessage, SlackPoster } from './slack-poster.ts';

const FAQ_LABEL = /^faq:(\d+)$/;

/** The bot's answer to one question, with its label and confidence for staff to judge. */
export function answerQuestion(faq: FaqAnswerer, question: string, channel: string): SlackMessage {
  const classification = faq.classify(question);
  const entry = FAQ_LABEL.exec(classification.label)?.[1];
  const reply = entry !== undefined ? faq.answerEntry(Number(entry), classification.locale) : faq.unsure(classification);
  const { text, blocks } = renderReply(reply);
  if (classification.label.startsWith('action:')) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: localize(phrases.actionHint, classification.locale) } });
  }
  const verdict = `${classification.label} · ${localize(phrases.confidence, classification.locale)} ${classification.confidence.toFixed(2)}`;
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: verdict }] });
  return { channel, text: text.trim() !== '' ? text : verdict, blocks };
}

const buttonPress = z.object({
  channel: z.object({ id: z.string().min(1) }),
  actions: z.array(z.object({ value: z.string().min(1) })).min(1),
});

/** Staff ask the FAQ in a direct message; a reply button asks its value as the next question. */
export function registerFaqAnswers(app: App, deps: { faq: FaqAnswerer; poster: SlackPoster; logger: Logger }): void {
  const log = deps.logger.child({ component: 'slack-faq' });
  const answer = async (question: string, channel: string, threadTs?: string) => {
    try {
      const message = answerQuestion(deps.faq, question, channel);
      await deps.poster.postMessage(threadTs === undefined ? message : { ...message, thread_ts: threadTs });
    } catch (error) {
      log.error({ channel, reason: error instanceof Error ? error.message : String(error) }, 'could not answer a Slack question');
    }
  };

  app.event('message', async ({ event }) => {
    const message = asPersonMessage(event);
    if (message === null || message.channel_type !== 'im') return;
    await answer(slackTextToPlain(message.text), message.channel, message.thread_ts);
  });

  app.action(new RegExp(`^${REPLY_BUTTON_ACTION}:`), async ({ ack, body }) => {
    await ack();
    const press = buttonPress.safeParse(body);
    const value = press.success ? press.data.actions[0]?.value : undefined;
    if (!press.success || value === undefined) return;
    await answer(value, press.data.channel.id);
  });
}
