import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay, DAY_MS } from '../../src/certificates/calendar.ts';
import { processDueAnnotations } from '../../src/certificates/annotation-worker.ts';
import type { Database } from '../../src/storage/database.ts';
import { testDatabases } from '../helpers/test-databases.ts';
import { demo, demoCertificate, freshCertificate, holderActor, PUBLIC_BASE_URL, SEED_TIME, seedAndServe, type Seeded } from './fixtures.ts';

describe.each(testDatabases())('the certificate service on $name', ({ open }) => {
  let db: Database;
  let seeded: Seeded;
  beforeAll(async () => {
    db = await open();
    seeded = await seedAndServe(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  describe('verifyHolder', () => {
    it('finds a holder by name and ID number, also written in traditional script or with a lower-case x', async () => {
      const verified = await seeded.service.verifyHolder({ name: '李娜', idNumber: demo('李娜').idNumber }, holderActor);
      expect(verified).toMatchObject({ name: '李娜', idLast4: '2347' });
      const traditional = await seeded.service.verifyHolder({ name: '張偉', idNumber: demo('张伟').idNumber }, holderActor);
      expect(traditional?.name).toBe('张伟');
    });

    it('refuses a wrong name, a wrong check digit and SQL-looking input, and changes nothing', async () => {
      const holdersBefore = await db.prisma.holder.count();
      expect(await seeded.service.verifyHolder({ name: '王芳', idNumber: demo('李娜').idNumber }, holderActor)).toBeNull();
      expect(await seeded.service.verifyHolder({ name: '李娜', idNumber: '310115198805122348' }, holderActor)).toBeNull();
      expect(await seeded.service.verifyHolder({ name: "'; DROP TABLE holders; --", idNumber: demo('李娜').idNumber }, holderActor)).toBeNull();
      expect(await db.prisma.holder.count()).toBe(holdersBefore);
    });

    it('never writes an ID number into the audit log', async () => {
      const dump = JSON.stringify(await db.prisma.auditLog.findMany(), (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
      expect(dump).toContain('verify_holder');
      for (const holder of ['李娜', '张伟']) expect(dump).not.toContain(demo(holder).idNumber);
    });
  });

  describe('requestAnnotation', () => {
    it('refuses a validity outside 1..90 days', async () => {
      const { holderId, certificate } = await demoCertificate(seeded.service, '李娜');
      for (const validityDays of [0, 91, 1.5, -3, Number.NaN]) {
        expect(await seeded.service.requestAnnotation({ holderId, certificateId: certificate.id, validityDays }, holderActor)).toEqual({
          ok: false,
          reason: 'invalid_validity',
        });
      }
    });

    it('refuses certificates that are not online, revoked or exempt, and unknown ones', async () => {
      const cases: Array<[string, string]> = [['张伟', 'not_online'], ['陈静', 'revoked'], ['王芳', 'not_required']];
      for (const [name, reason] of cases) {
        const { holderId, certificate } = await demoCertificate(seeded.service, name);
        expect(await seeded.service.requestAnnotation({ holderId, certificateId: certificate.id, validityDays: 90 }, holderActor)).toEqual({ ok: false, reason });
      }
      const { holderId } = await demoCertificate(seeded.service, '李娜');
      const other = await demoCertificate(seeded.service, '赵敏');
      expect((await seeded.service.requestAnnotation({ holderId, certificateId: other.certificate.id, validityDays: 90 }, holderActor)).ok).toBe(false);
      expect(await seeded.service.requestAnnotation({ holderId, certificateId: 'not-a-uuid', validityDays: 90 }, holderActor)).toEqual({ ok: false, reason: 'not_found' });
      expect(await db.prisma.annotation.count({ where: { certificateId: other.certificate.id } })).toBe(1);
    });

    it('周杰 at the limit is told the next possible day, and may apply on that day', async () => {
      const { holderId, certificate } = await demoCertificate(seeded.service, '周杰');
      const refused = await seeded.service.requestAnnotation({ holderId, certificateId: certificate.id, validityDays: 90 }, holderActor);
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.reason).toBe('limit_reached');
        expect(chinaDay(refused.nextPossibleOn!)).toBe(chinaDay(new Date(SEED_TIME.getTime() + 10 * DAY_MS)));
      }
      seeded.clock.set(refused.ok ? SEED_TIME : refused.nextPossibleOn!);
      try {
        const allowed = await seeded.service.requestAnnotation({ holderId, certificateId: certificate.id, validityDays: 30 }, holderActor);
        expect(allowed.ok).toBe(true);
      } finally {
        seeded.clock.set(SEED_TIME);
      }
    });

    it('李娜 applies: generating until the worker runs, then active and downloadable', async () => {
      const { holderId, certificate } = await demoCertificate(seeded.service, '李娜');
      const outcome = await seeded.service.requestAnnotation({ holderId, certificateId: certificate.id, validityDays: 60 }, holderActor);
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.annotation).toMatchObject({ scenario: '本人调用', validityDays: 60, state: 'generating' });
      expect(outcome.annotation.expiresAt.getTime() - outcome.annotation.appliedAt.getTime()).toBe(60 * DAY_MS);
      expect(outcome.certificate.state.kind).toBe('generating');
      const refused = await seeded.service.createDownloadLink({ holderId, certificateId: certificate.id }, holderActor);
      expect(refused).toMatchObject({ ok: false, reason: 'generating' });

      expect(await processDueAnnotations(db.prisma, seeded.clock)).toBeGreaterThanOrEqual(1);
      const after = await seeded.service.getCertificate(holderId, certificate.id);
      expect(after?.state.kind).toBe('active');
      const link = await seeded.service.createDownloadLink({ holderId, certificateId: certificate.id }, holderActor);
      expect(link.ok).toBe(true);
      if (link.ok) {
        expect(link.url.startsWith(`${PUBLIC_BASE_URL}/download/`)).toBe(true);
        expect(link.url).not.toContain(demo('李娜').idNumber);
        expect(link.url).not.toContain(encodeURIComponent('李娜'));
        expect(link.expiresAt.getTime() - SEED_TIME.getTime()).toBe(30 * 60_000);
      }
    });

    it('a retried request with the same key creates one annotation', async () => {
      const { holderId, certificateId } = await freshCertificate(db, 'retry');
      const first = await seeded.service.requestAnnotation({ holderId, certificateId, validityDays: 90, requestKey: 'chat-1:msg-7' }, holderActor);
      const retried = await Promise.all(
        Array.from({ length: 3 }, () => seeded.service.requestAnnotation({ holderId, certificateId, validityDays: 90, requestKey: 'chat-1:msg-7' }, holderActor)),
      );
      expect(first.ok).toBe(true);
      for (const again of retried) {
        expect(again.ok).toBe(true);
        if (first.ok && again.ok) expect(again.annotation.id).toBe(first.annotation.id);
      }
      expect(await db.prisma.annotation.count({ where: { certificateId } })).toBe(1);
    });

    it('10 simultaneous requests for one certificate create exactly 3 annotations', async () => {
      const { holderId, certificateId } = await freshCertificate(db, 'race');
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, () => seeded.service.requestAnnotation({ holderId, certificateId, validityDays: 90 }, holderActor)),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(3);
      expect(outcomes.filter((o) => !o.ok && o.reason === 'limit_reached')).toHaveLength(7);
      expect(await db.prisma.annotation.count({ where: { certificateId } })).toBe(3);
    });
  });

  describe('download links', () => {
    it('are refused for every state that is not downloadable', async () => {
      const expected: Array<[string, string]> = [['张伟', 'not_online'], ['陈静', 'revoked'], ['杨磊', 'generating'], ['赵敏', 'expired']];
      for (const [name, reason] of expected) {
        const { holderId, certificate } = await demoCertificate(seeded.service, name);
        expect(await seeded.service.createDownloadLink({ holderId, certificateId: certificate.id }, holderActor)).toMatchObject({ ok: false, reason });
      }
    });

    it('are given for an exempt certificate, and never outlive the annotation', async () => {
      const wang = await demoCertificate(seeded.service, '王芳');
      expect((await seeded.service.createDownloadLink({ holderId: wang.holderId, certificateId: wang.certificate.id }, holderActor)).ok).toBe(true);
      const liu = await demoCertificate(seeded.service, '刘洋');
      if (liu.certificate.state.kind !== 'active') throw new Error('刘洋 should be active');
      seeded.clock.set(new Date(liu.certificate.state.annotation.expiresAt.getTime() - 5 * 60_000));
      try {
        const link = await seeded.service.createDownloadLink({ holderId: liu.holderId, certificateId: liu.certificate.id }, holderActor);
        expect(link.ok && link.expiresAt).toEqual(liu.certificate.state.annotation.expiresAt);
      } finally {
        seeded.clock.set(SEED_TIME);
      }
    });
  });

  describe('staff operations', () => {
    it('findByNumber finds by number (any case) and returns no ID number', async () => {
      const found = await seeded.service.findByNumber(' yj2021000123 ', { kind: 'staff', id: 'slack:U1' });
      expect(found?.holderName).toBe('李娜');
      expect(JSON.stringify(found)).not.toContain(demo('李娜').idNumber);
      expect(await seeded.service.findByNumber('NOPE0000', { kind: 'staff', id: 'slack:U1' })).toBeNull();
      expect(await seeded.service.findByNumber("x' OR 1=1 --", { kind: 'staff', id: 'slack:U1' })).toBeNull();
    });

    it('setBatchState to ONLINE records one batch_online event, in the same transaction', async () => {
      const staff = { kind: 'staff' as const, id: 'api' };
      const batch = await db.prisma.issuanceBatch.findUniqueOrThrow({ where: { qualification_examYear: { qualification: '一级建造师', examYear: 2022 } } });
      await seeded.service.setBatchState({ qualification: '一级建造师', examYear: 2022, state: 'ONLINE' }, staff);
      await seeded.service.setBatchState({ qualification: '一级建造师', examYear: 2022, state: 'ONLINE' }, staff);
      const events = await db.prisma.domainEvent.findMany({ where: { type: 'batch_online' } });
      expect(events.map((e) => e.payload)).toEqual([{ batchId: batch.id }]);
      const { certificate } = await demoCertificate(seeded.service, '张伟');
      expect(certificate.state.kind).toBe('needs_annotation');
      await seeded.service.setBatchState({ qualification: '一级建造师', examYear: 2022, state: 'RECEIVING' }, staff);
      expect((await demoCertificate(seeded.service, '张伟')).certificate.state.kind).toBe('not_online');
    });
  });
});
