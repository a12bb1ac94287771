import type { Clock } from '../clock.ts';
import type { Channel } from '../engine/types.ts';
import type { HandoffTicket, Prisma, PrismaClient } from '../generated/prisma/client.ts';
import { detectLocale, localize } from '../i18n/locale.ts';
import { maskIdNumbers } from '../logging.ts';
import type { LocalOutboxSignal } from '../messaging/local-outbox-signal.ts';
import { insertOutboxRow } from '../messaging/outbox-rows.ts';
import type { Outbox } from '../messaging/types.ts';
import type { HandoffDesk, HandoffTicketView, TranscriptLine } from './types.ts';

export const HANDOFF_DESK_ADDRESS = { channel: 'slack', chatId: 'handoff' } as const;
const TRANSCRIPT_LIMIT = 200;

const backToBot = {
  zh: '人工服务已结束，现在由智能助手继续为您服务。还有什么可以帮您？',
  en: 'Our staff have closed this conversation; the assistant is back. What else can I do for you?',
};

export interface HandoffDeskDeps {
  prisma: PrismaClient;
  outbox: Outbox;
  clock: Clock;
  /** Wakes the dispatcher for the "ticket opened" row, written in the ticket's own transaction. */
  signal?: Pick<LocalOutboxSignal, 'emit'>;
}

function toView(row: HandoffTicket): HandoffTicketView {
  return {
    id: row.id,
    address: { channel: row.channel as Channel, chatId: row.chatId },
    status: row.status,
    reason: row.reason,
    transcript: (row.transcript as unknown as TranscriptLine[]) ?? [],
    slackChannel: row.slackChannel,
    slackThreadTs: row.slackThreadTs,
    createdAt: row.createdAt,
  };
}

/**
 * Tickets in the HandoffTicket table; everything outward (to the staff desk, to the candidate)
 * goes through the outbox, so it is delivered once by one instance.
 */
export function createHandoffDesk({ prisma, outbox, clock, signal }: HandoffDeskDeps): HandoffDesk {
  async function appendLine(ticketId: string, line: TranscriptLine): Promise<HandoffTicket | null> {
    const row = await prisma.handoffTicket.findUnique({ where: { id: ticketId } });
    if (!row) return null;
    const transcript = [...((row.transcript as unknown as TranscriptLine[]) ?? []), line].slice(-TRANSCRIPT_LIMIT);
    return prisma.handoffTicket.update({ where: { id: ticketId }, data: { transcript: transcript as unknown as Prisma.InputJsonValue } });
  }

  return {
    async open(address, reason, transcript) {
      const existing = await prisma.handoffTicket.findFirst({ where: { channel: address.channel, chatId: address.chatId, status: 'OPEN' } });
      if (existing) return toView(existing);
      const masked = transcript.map((line) => ({ ...line, text: maskIdNumbers(line.text) }));
      // The ticket and the desk's notice commit together: no ticket goes unseen by staff.
      const { row, outboxId } = await prisma.$transaction(async (tx) => {
        const created = await tx.handoffTicket.create({
          data: { channel: address.channel, chatId: address.chatId, reason, transcript: masked as unknown as Prisma.InputJsonValue, createdAt: clock.now() },
        });
        const id = await insertOutboxRow(
          tx,
          { address: HANDOFF_DESK_ADDRESS, payload: { kind: 'handoff_opened', ticketId: created.id }, dedupeKey: `handoff-opened:${created.id}` },
          clock.now(),
        );
        return { row: created, outboxId: id };
      });
      if (outboxId !== null) signal?.emit(HANDOFF_DESK_ADDRESS, outboxId);
      return toView(row);
    },
    async activeFor({ channel, chatId }) {
      const row = await prisma.handoffTicket.findFirst({ where: { channel, chatId, status: 'OPEN' }, orderBy: { createdAt: 'desc' } });
      return row ? toView(row) : null;
    },
    async forwardCandidateMessage(ticketId, text) {
      const masked = maskIdNumbers(text);
      await appendLine(ticketId, { from: 'user', text: masked, at: clock.now().toISOString() });
      await outbox.enqueue({ address: HANDOFF_DESK_ADDRESS, payload: { kind: 'handoff_message', ticketId, text: masked } });
    },
    async attachThread(ticketId, slackChannel, threadTs) {
      await prisma.handoffTicket.update({ where: { id: ticketId }, data: { slackChannel, slackThreadTs: threadTs } });
    },
    async get(ticketId) {
      const row = await prisma.handoffTicket.findUnique({ where: { id: ticketId } });
      return row ? toView(row) : null;
    },
    async findByThread(threadTs) {
      const row = await prisma.handoffTicket.findUnique({ where: { slackThreadTs: threadTs } });
      return row ? toView(row) : null;
    },
    async staffReply(ticketId, text, staffName) {
      const row = await appendLine(ticketId, { from: 'staff', text, at: clock.now().toISOString() });
      if (!row || row.status !== 'OPEN') return;
      await outbox.enqueue({ address: { channel: row.channel as Channel, chatId: row.chatId }, payload: { kind: 'replies', replies: [{ text: `${staffName}：${text}` }] } });
    },
    async resolve(ticketId, _staffName, options) {
      const resolved = await prisma.handoffTicket.updateMany({ where: { id: ticketId, status: 'OPEN' }, data: { status: 'RESOLVED', resolvedAt: clock.now() } });
      if (resolved.count === 0 || options?.notifyCandidate === false) return;
      const row = await prisma.handoffTicket.findUnique({ where: { id: ticketId } });
      if (!row) return;
      const lastUserLine = [...((row.transcript as unknown as TranscriptLine[]) ?? [])].reverse().find((line) => line.from === 'user');
      const locale = detectLocale(lastUserLine?.text ?? '');
      await outbox.enqueue({
        address: { channel: row.channel as Channel, chatId: row.chatId },
        payload: { kind: 'replies', replies: [{ text: localize(backToBot, locale) }] },
        dedupeKey: `handoff-resolved:${ticketId}`,
      });
    },
  };
}
