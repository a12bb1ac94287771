import type { Reply } from '../../src/engine/types.ts';
import { escapeMrkdwn, splitForSections, truncate } from './mrkdwn.ts';
import type { SlackBlock } from './slack-poster.ts';

/** Pressing a reply button sends its value as a new question; the action IDs share this prefix. */
export const REPLY_BUTTON_ACTION = 'reply_button';

/** A neutral reply in Block Kit: text sections, an optional card, buttons and a link button. */
export function renderReply(reply: Reply): { text: string; blocks: SlackBlock[] } {
  const blocks: SlackBlock[] = splitForSections(escapeMrkdwn(reply.text)).map((piece) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: piece },
  }));
  if (reply.card) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${escapeMrkdwn(truncate(reply.card.title, 200))}*` },
      ...(reply.card.fields.length > 0
        ? {
            fields: reply.card.fields.slice(0, 10).map((field) => ({
              type: 'mrkdwn' as const,
              text: truncate(`*${escapeMrkdwn(field.label)}*\n${escapeMrkdwn(field.value)}`, 1900),
            })),
          }
        : {}),
    });
  }
  const elements = [
    ...(reply.buttons ?? []).slice(0, 20).map((button, index) => ({
      type: 'button' as const,
      action_id: `${REPLY_BUTTON_ACTION}:${index}`,
      text: { type: 'plain_text' as const, text: truncate(button.label, 75) },
      value: truncate(button.value, 2000),
    })),
    ...(reply.link
      ? [{ type: 'button' as const, action_id: 'reply_link', text: { type: 'plain_text' as const, text: truncate(reply.link.label, 75) }, url: reply.link.url }]
      : []),
  ];
  if (elements.length > 0) blocks.push({ type: 'actions', elements });
  const text = reply.text.trim() !== '' ? truncate(reply.text, 3000) : (reply.card?.title ?? reply.link?.label ?? '');
  return { text, blocks };
}
