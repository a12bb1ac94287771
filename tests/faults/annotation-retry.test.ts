import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateService } from '../../src/certificates/certificate-service.ts';
import { seedDemoData } from '../../src/certificates/demo-data.ts';
import { systemClock } from '../../src/clock.ts';
import { createPrismaAuditTrail } from '../../src/conversations/prisma-audit-trail.ts';
import { createPrismaConversationStore } from '../../src/conversations/prisma-conversation-store.ts';
import type { CertificateService } from '../../src/certificates/types.ts';
import type { ConversationStore } from '../../src/engine/conversation-store.ts';
import { createEngine, type Engine } from '../../src/engine/create-engine.ts';
import { createFaqAnswerer } from '../../src/faq/create-faq-answerer.ts';
import { createHandoffDesk } from '../../src/handoff/create-handoff-desk.ts';
import { createIdSealer } from '../../src/identity/id-sealer.ts';
import { createPrismaIdentityMemory } from '../../src/identity/identity-memory.ts';
import { createPrismaVerificationGuard } from '../../src/identity/verification-guard.ts';
import { createLocalOutboxSignal } from '../../src/messaging/local-outbox-signal.ts';
import { createPrismaOutbox } from '../../src/messaging/prisma-outbox.ts';
import { createPrismaSubscriptionBook } from '../../src/notifications/prisma-subscription-book.ts';
import type { Database } from '../../src/storage/database.ts';
import { renderTurn, TEST_SECRETS } from '../helpers/assistant-harness.ts';
import { testDatabases } from '../helpers/test-databases.ts';

/** A conversation store whose next save, once armed, fails as a crashed process would fail to write. */
function crashingStore(inner: ConversationStore) {
  let armed = false;
  let crashes = 0;
  const store: ConversationStore & { arm(): void; crashes(): number } = {
    load: (address) => inner.load(address),
    async save(address, state, expectedVersion) {
      if (armed) {
        armed = false;
        crashes += 1;
        throw new Error('simulated crash: the process died before the conversation was saved');
      }
      return inner.save(address, state, expectedVersion);
    },
    arm() {
      armed = true;
    },
    crashes: () => crashes,
  };
  return store;
}

/** The production engine over `database`, with the conversation store wrapped. */
function engineOver(database: Database, conversations: ConversationStore): { engine: Engine; certificates: CertificateService } {
  const { prisma } = database;
  const clock = systemClock;
  const certificates = createCertificateService({ prisma, secrets: TEST_SECRETS, clock, publicBaseUrl: 'https://certs.test', downloadLinkTtlMinutes: 30 });
  const signal = createLocalOutboxSignal();
  const engine = createEngine({
    faq: createFaqAnswerer(),
    certificates,
    conversations,
    identities: createPrismaIdentityMemory(prisma, clock),
    guard: createPrismaVerificationGuard(prisma, clock),
    sealer: createIdSealer(TEST_SECRETS.idHashKey),
    subscriptions: createPrismaSubscriptionBook(prisma),
    handoff: createHandoffDesk({ prisma, outbox: createPrismaOutbox(prisma, signal, clock), clock, signal }),
    audit: createPrismaAuditTrail(prisma, clock),
    clock,
  });
  return { engine, certificates };
}

describe.each(testDatabases())('an annotation written by a turn that died before replying, then retried, on $name', ({ open }) => {
  let database: Database;

  beforeAll(async () => {
    database = await open();
    await seedDemoData(database.prisma, { clock: systemClock, idHashKey: TEST_SECRETS.idHashKey });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('"确认" sent again after the failed turn reports the same annotation and creates no second one', async () => {
    const store = crashingStore(createPrismaConversationStore(database.prisma));
    const { engine } = engineOver(database, store);
    const chat = { channel: 'web' as const, chatId: 'crash-retry-1' };
    const certificateWhere = { certificate: { number: 'YJ2021000123' } };
    expect(await database.prisma.annotation.count({ where: certificateWhere })).toBe(0);

    await engine.handleTurn({ ...chat, text: '申请加注' });
    await engine.handleTurn({ ...chat, text: '李娜 310115198805122347' });
    const confirm = await engine.handleTurn({ ...chat, text: '30天' });
    expect(renderTurn(confirm)).toContain('/yes');
    const before = await database.prisma.conversation.findFirstOrThrow({ where: { channel: 'web', chatId: chat.chatId } });

    store.arm();
    const crashed = await engine.handleTurn({ ...chat, text: '确认' });
    expect(store.crashes()).toBe(1);
    expect(crashed.failed).toBe(true);
    // The write happened, the conversation did not move on: the user still stands at the confirmation.
    const written = await database.prisma.annotation.findMany({ where: certificateWhere });
    expect(written).toHaveLength(1);
    expect(written[0]?.requestKey).not.toBeNull();
    const afterCrash = await database.prisma.conversation.findFirstOrThrow({ where: { channel: 'web', chatId: chat.chatId } });
    expect(afterCrash.version).toBe(before.version);

    // A new process on the same database, as after a restart, gets the user's retry.
    const restarted = engineOver(database, createPrismaConversationStore(database.prisma));
    const retried = await restarted.engine.handleTurn({ ...chat, text: '确认' });
    expect(retried.failed).toBeUndefined();
    expect(renderTurn(retried)).toContain('YJ2021000123');
    expect(renderTurn(retried)).toMatch(/已提交|submitted/);
    const annotations = await database.prisma.annotation.findMany({ where: certificateWhere });
    expect(annotations.map((annotation) => annotation.id)).toEqual(written.map((annotation) => annotation.id));
    const audits = await database.prisma.auditLog.count({ where: { action: 'request_annotation', certificateId: written[0]!.certificateId } });
    expect(audits).toBe(1);

    const { holderId } = await database.prisma.certificate.findFirstOrThrow({ where: { number: 'YJ2021000123' } });
    const view = await restarted.certificates.listCertificates(holderId);
    expect(view.find((certificate) => certificate.number === 'YJ2021000123')?.quota.usedInWindow).toBe(1);
  });
});
