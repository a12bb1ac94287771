import type { HandoffTicketView, TranscriptLine } from '../../src/handoff/types.ts';
import { localize } from '../../src/i18n/locale.ts';
import { escapeMrkdwn, splitForSections, truncate } from './mrkdwn.ts';
import { fill, phrases } from './phrases.ts';
import type { SlackBlock } from './slack-poster.ts';

const MAX_TRANSCRIPT_LINES = 30;
const MAX_TRANSCRIPT_SECTIONS = 40;
const speaker = { user: phrases.fromUser, bot: phrases.fromBot, staff: phrases.fromStaff } as const;

function timeOf(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }).format(date);
}

function transcriptLine(line: TranscriptLine): string {
  return `*${localize(speaker[line.from], 'zh-Hans')}* · ${timeOf(line.at)}\n${escapeMrkdwn(truncate(line.text, 1_000))}`;
}

/** The message a handoff ticket opens with in the staff channel; staff answer in its thread. */
export function renderTicket(ticket: HandoffTicketView): { text: string; blocks: SlackBlock[] } {
  const zh = (phrase: { zh: string; en: string }) => localize(phrase, 'zh-Hans');
  const transcript = ticket.transcript.slice(-MAX_TRANSCRIPT_LINES).map(transcriptLine).join('\n\n');
  const sections = splitForSections(transcript).slice(0, MAX_TRANSCRIPT_SECTIONS);
  return {
    text: fill(zh(phrases.ticketFallback), { reason: truncate(ticket.reason, 200) }),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: zh(phrases.ticketTitle) } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*${zh(phrases.ticketSource)}*\n${ticket.address.channel}` },
          { type: 'mrkdwn', text: `*${zh(phrases.ticketId)}*\n${escapeMrkdwn(ticket.id)}` },
          { type: 'mrkdwn', text: `*${zh(phrases.ticketReason)}*\n${escapeMrkdwn(truncate(ticket.reason, 500))}` },
          { type: 'mrkdwn', text: `*${zh(phrases.ticketOpened)}*\n${ticket.createdAt.toISOString()}` },
        ],
      },
      { type: 'divider' },
      ...sections.map((piece): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: piece } })),
      { type: 'context', elements: [{ type: 'mrkdwn', text: zh(phrases.ticketHelp) }] },
    ],
  };
}
