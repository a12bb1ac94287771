import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CertificateView } from '../../../src/certificates/types.ts';
import type { Locale, Reply } from '../../../src/engine/types.ts';
import type { Classification, FaqAnswerer } from '../../../src/faq/types.ts';
import type { HandoffDesk, HandoffTicketView, TranscriptLine } from '../../../src/handoff/types.ts';
import type { DeliveryLedger } from '../../../src/messaging/types.ts';
import type { ChannelAddress } from '../../../src/engine/types.ts';

export const SIGNING_SECRET = 'test-signing-secret';

/** Sign like Slack: v0= HMAC-SHA256 of `v0:timestamp:body`. */
export function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function postSigned(
  app: FastifyInstance,
  body: string,
  options: { contentType?: string; timestamp?: number; secret?: string; headers?: Record<string, string> } = {},
) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return app.inject({
    method: 'POST',
    url: '/slack/events',
    payload: body,
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, options.secret),
      ...options.headers,
    },
  });
}

export function eventBody(eventId: string, event: Record<string, unknown>): string {
  return JSON.stringify({ type: 'event_callback', team_id: 'T1', api_app_id: 'A1', event_id: eventId, event_time: 1_700_000_000, event });
}

export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams({ command: '/cert', team_id: 'T1', channel_id: 'C_GENERAL', response_url: 'http://127.0.0.1:9/unused', ...fields }).toString();
}

/** A deterministic answerer: questions mentioning 加注 or annotation are FAQ 7, anything else is unsure. */
export class FakeFaq implements FaqAnswerer {
  readonly classified: string[] = [];
  classify(text: string): Classification {
    this.classified.push(text);
    const english = /[a-z]{3,}/i.test(text);
    const locale: Locale = english ? 'en' : 'zh-Hans';
    if (/加注|annotation/i.test(text)) return { label: 'faq:7', confidence: 0.92, locale, normalized: text, suggestions: [7, 3] };
    if (/查.*状态|status/i.test(text)) return { label: 'action:status', confidence: 0.81, locale, normalized: text, suggestions: [2] };
    return { label: 'none', confidence: 0.2, locale, normalized: text, suggestions: [2, 11] };
  }
  answerEntry(number: number, locale: Locale): Reply {
    return locale === 'en'
      ? { text: `Answer ${number}: apply for an annotation <before> downloading.`, buttons: [{ label: 'Related 3', value: 'faq 3' }] }
      : { text: `答案${number}：下载前请先申请加注。`, buttons: [{ label: '相关问题3', value: '加注有效期' }] };
  }
  unsure(classification: Classification): Reply {
    return { text: classification.locale === 'en' ? 'Not sure. Closest entries:' : '不太确定，您可能想问：', buttons: classification.suggestions.map((n) => ({ label: `FAQ ${n}`, value: `faq ${n}` })) };
  }
  questionOf(number: number): string {
    return `问题${number}`;
  }
}

export class FakeLedger implements DeliveryLedger {
  readonly seen = new Set<string>();
  readonly calls: string[] = [];
  /** When set, firstTime waits for it (to hold work after the acknowledgement). */
  gate: Promise<void> | null = null;
  async firstTime(_source: 'telegram' | 'slack', key: string): Promise<boolean> {
    this.calls.push(key);
    if (this.gate) await this.gate;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

export function demoCertificate(): CertificateView {
  return {
    id: 'cert-li-na',
    batchId: 'batch-yj-2021',
    number: 'YJ2021000123',
    qualification: '一级建造师',
    examYear: 2021,
    issuerKind: 'MOHRSS_SEAL',
    issuerName: '住房和城乡建设部',
    issuedOn: '2022-03-15',
    holderName: '李娜',
    idLast4: '2347',
    seals: ['中华人民共和国人力资源和社会保障部专业技术人员职业资格证书专用章'],
    state: { kind: 'needs_annotation' },
    quota: { usedInWindow: 0, limit: 3, nextPossibleOn: null },
  };
}

export class FakeHandoffDesk implements HandoffDesk {
  readonly tickets = new Map<string, HandoffTicketView>();
  readonly calls: { method: string; args: unknown[] }[] = [];
  failStaffReply = false;

  add(id: string, transcript: TranscriptLine[], overrides: Partial<HandoffTicketView> = {}): HandoffTicketView {
    const ticket: HandoffTicketView = {
      id,
      address: { channel: 'telegram', chatId: '424242' },
      status: 'OPEN',
      reason: '用户要求人工',
      transcript,
      slackChannel: null,
      slackThreadTs: null,
      createdAt: new Date('2026-11-29T10:00:00Z'),
      ...overrides,
    };
    this.tickets.set(id, ticket);
    return ticket;
  }
  async open(address: ChannelAddress, reason: string, transcript: TranscriptLine[]): Promise<HandoffTicketView> {
    return this.add(`t${this.tickets.size + 1}`, transcript, { address, reason });
  }
  async activeFor(address: ChannelAddress): Promise<HandoffTicketView | null> {
    return [...this.tickets.values()].find((t) => t.status === 'OPEN' && t.address.chatId === address.chatId) ?? null;
  }
  async forwardCandidateMessage(ticketId: string, text: string): Promise<void> {
    this.calls.push({ method: 'forwardCandidateMessage', args: [ticketId, text] });
  }
  async attachThread(ticketId: string, slackChannel: string, threadTs: string): Promise<void> {
    this.calls.push({ method: 'attachThread', args: [ticketId, slackChannel, threadTs] });
    const ticket = this.tickets.get(ticketId);
    if (ticket) this.tickets.set(ticketId, { ...ticket, slackChannel, slackThreadTs: threadTs });
  }
  async get(ticketId: string): Promise<HandoffTicketView | null> {
    return this.tickets.get(ticketId) ?? null;
  }
  async findByThread(threadTs: string): Promise<HandoffTicketView | null> {
    return [...this.tickets.values()].find((t) => t.slackThreadTs === threadTs) ?? null;
  }
  async staffReply(ticketId: string, text: string, staffName: string): Promise<void> {
    this.calls.push({ method: 'staffReply', args: [ticketId, text, staffName] });
    if (this.failStaffReply) throw new Error('database unavailable');
  }
  async resolve(ticketId: string, staffName: string): Promise<void> {
    this.calls.push({ method: 'resolve', args: [ticketId, staffName] });
    const ticket = this.tickets.get(ticketId);
    if (ticket) this.tickets.set(ticketId, { ...ticket, status: 'RESOLVED' });
  }
}
