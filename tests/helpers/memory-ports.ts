import { fixedClock } from '../../src/clock.ts';
import type { CertificateService, CertificateView, VerifiedHolder } from '../../src/certificates/types.ts';
import type { AuditEntry } from '../../src/engine/audit-trail.ts';
import type { ConversationStore, StoredConversation } from '../../src/engine/conversation-store.ts';
import type { EngineDeps } from '../../src/engine/create-engine.ts';
import type { ChannelAddress } from '../../src/engine/types.ts';
import { createFaqAnswerer } from '../../src/faq/create-faq-answerer.ts';
import type { HandoffDesk, HandoffTicketView } from '../../src/handoff/types.ts';
import { createIdSealer } from '../../src/identity/id-sealer.ts';
import { lockedUntilFrom } from '../../src/identity/verification-guard.ts';

const key = (address: ChannelAddress) => `${address.channel}:${address.chatId}`;

export function createMemoryConversationStore(): ConversationStore & { rows: Map<string, StoredConversation> } {
  const rows = new Map<string, StoredConversation>();
  return {
    rows,
    async load(address) {
      const row = rows.get(key(address));
      return row ? structuredClone(row) : null;
    },
    async save(address, state, expectedVersion) {
      const current = rows.get(key(address));
      if ((current?.version ?? null) !== expectedVersion) return false;
      rows.set(key(address), { state: structuredClone(state), version: (expectedVersion ?? 0) + 1 });
      return true;
    },
  };
}

const baseCertificate = (id: string, number: string, qualification: string, examYear: number): CertificateView => ({
  id,
  batchId: `batch-${id}`,
  number,
  qualification,
  examYear,
  issuerKind: 'MOHRSS_SEAL',
  issuerName: '住房和城乡建设部',
  issuedOn: '2022-03-15',
  holderName: '吴刚',
  idLast4: '0015',
  seals: [],
  state: { kind: 'needs_annotation' },
  quota: { usedInWindow: 0, limit: 3, nextPossibleOn: null },
});

/** One holder (吴刚, 11010519491231002X) with two certificates; everything else is unknown. */
export function createFakeCertificateService(): CertificateService & { calls: string[] } {
  const holder: VerifiedHolder = { holderId: 'holder-1', name: '吴刚', idLast4: '002X' };
  const certificates = [
    baseCertificate('cert-1', 'YJ2021000001', '一级建造师', 2021),
    { ...baseCertificate('cert-2', 'ZJ2022000002', '一级造价工程师', 2022), state: { kind: 'revoked' as const, revokedAt: new Date('2025-01-01T00:00:00Z'), reason: '测试撤销原因' } },
  ];
  const calls: string[] = [];
  const mine = (holderId: string) => (holderId === holder.holderId ? certificates : []);
  return {
    calls,
    async verifyHolder({ name, idNumber }) {
      calls.push('verifyHolder');
      return name === '吴刚' && idNumber === '11010519491231002X' ? holder : null;
    },
    async listCertificates(holderId) {
      return mine(holderId);
    },
    async getCertificate(holderId, certificateId) {
      return mine(holderId).find((certificate) => certificate.id === certificateId) ?? null;
    },
    async requestAnnotation() {
      calls.push('requestAnnotation');
      return { ok: false, reason: 'not_found' };
    },
    async createDownloadLink() {
      calls.push('createDownloadLink');
      return { ok: false, reason: 'not_found' };
    },
    async findByNumber() {
      return null;
    },
    async setBatchState() {},
  };
}

export function createMemoryHandoffDesk(): HandoffDesk & { forwarded: string[] } {
  const tickets = new Map<string, HandoffTicketView>();
  const forwarded: string[] = [];
  return {
    forwarded,
    async open(address, reason, transcript) {
      const ticket: HandoffTicketView = { id: `t${tickets.size + 1}`, address, status: 'OPEN', reason, transcript, slackChannel: null, slackThreadTs: null, createdAt: new Date() };
      tickets.set(ticket.id, ticket);
      return ticket;
    },
    async activeFor(address) {
      return [...tickets.values()].find((ticket) => ticket.status === 'OPEN' && key(ticket.address) === key(address)) ?? null;
    },
    async forwardCandidateMessage(_ticketId, text) {
      forwarded.push(text);
    },
    async attachThread() {},
    async get(ticketId) {
      return tickets.get(ticketId) ?? null;
    },
    async findByThread() {
      return null;
    },
    async staffReply() {},
    async resolve(ticketId) {
      const ticket = tickets.get(ticketId);
      if (ticket) ticket.status = 'RESOLVED';
    },
  };
}

/** Engine dependencies held in memory: the fakes unit tests pass in. */
export function createMemoryEngineDeps(start = new Date('2026-04-01T02:00:00Z')) {
  const clock = fixedClock(start);
  const identities = new Map<string, { holderId: string; verifiedAt: Date }>();
  const failures = new Map<string, Date[]>();
  const audit: AuditEntry[] = [];
  const handoff = createMemoryHandoffDesk();
  const certificates = createFakeCertificateService();
  const conversations = createMemoryConversationStore();
  const deps: EngineDeps = {
    faq: createFaqAnswerer(),
    certificates,
    conversations,
    identities: {
      recall: async (address) => identities.get(key(address)) ?? null,
      remember: async (address, holderId) => void identities.set(key(address), { holderId, verifiedAt: clock.now() }),
      forget: async (address) => void identities.delete(key(address)),
    },
    guard: {
      lockedUntil: async (address) => lockedUntilFrom(failures.get(key(address)) ?? [], clock.now()),
      record: async (address, succeeded) => {
        if (!succeeded) failures.set(key(address), [...(failures.get(key(address)) ?? []), clock.now()]);
      },
    },
    sealer: createIdSealer('memory-engine-secret-0123456789abcdef'),
    subscriptions: { subscribe: async () => ({ status: 'unknown_batch' }) },
    handoff,
    audit: { record: async (entry) => void audit.push(entry) },
    clock,
  };
  return { deps, clock, certificates, conversations, handoff, audit };
}
