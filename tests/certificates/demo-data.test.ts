import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay, DAY_MS } from '../../src/certificates/calendar.ts';
import { seedDemoData } from '../../src/certificates/demo-data.ts';
import type { Database } from '../../src/storage/database.ts';
import { testDatabases } from '../helpers/test-databases.ts';
import { demoCertificate, holderActor, SEED_TIME, secrets, seedAndServe, type Seeded } from './fixtures.ts';

describe.each(testDatabases())('demo data on $name', ({ open }) => {
  let db: Database;
  let seeded: Seeded;
  beforeAll(async () => {
    db = await open();
    seeded = await seedAndServe(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('seeds only once', async () => {
    expect(await seedDemoData(db.prisma, { clock: seeded.clock, idHashKey: secrets.idHashKey })).toBe(false);
    expect(await db.prisma.holder.count()).toBe(8);
    expect(await db.prisma.issuanceBatch.count()).toBe(6);
  });

  it('stores no ID number in the clear', async () => {
    const holders = await db.prisma.holder.findMany();
    const dump = JSON.stringify(holders);
    expect(dump).not.toMatch(/\d{17}[\dX]/);
    expect(holders.find((h) => h.name === '张伟')?.idLast4).toBe('1239');
  });

  it('张伟: batch still receiving, no number yet', async () => {
    const { certificate } = await demoCertificate(seeded.service, '张伟');
    expect(certificate.state).toEqual({ kind: 'not_online', batchState: 'RECEIVING' });
    expect(certificate.number).toBeNull();
  });

  it('李娜: online, needs an annotation, none yet', async () => {
    const { certificate } = await demoCertificate(seeded.service, '李娜');
    expect(certificate.state.kind).toBe('needs_annotation');
    expect(certificate.number).toBe('YJ2021000123');
    expect(certificate.seals).toEqual(['中华人民共和国人力资源和社会保障部专业技术人员职业资格证书专用章', '住房和城乡建设部']);
    expect(certificate.quota.usedInWindow).toBe(0);
  });

  it('王芳: association certificate before 2021-12-17, no annotation needed', async () => {
    const { certificate } = await demoCertificate(seeded.service, '王芳');
    expect(certificate.state.kind).toBe('downloadable_without_annotation');
    expect(certificate.issuedOn).toBe('2021-06-01');
    expect(certificate.seals).toEqual(['中国建设监理协会']);
  });

  it('刘洋: annotation applied D-10 for 90 days, active', async () => {
    const { certificate } = await demoCertificate(seeded.service, '刘洋');
    expect(certificate.state.kind).toBe('active');
    if (certificate.state.kind === 'active') {
      expect(certificate.state.annotation.validityDays).toBe(90);
      expect(certificate.state.annotation.appliedAt).toEqual(new Date(SEED_TIME.getTime() - 10 * DAY_MS));
    }
  });

  it('陈静: revoked D-200 with the reason', async () => {
    const { certificate } = await demoCertificate(seeded.service, '陈静');
    expect(certificate.state).toEqual({
      kind: 'revoked',
      revokedAt: new Date(SEED_TIME.getTime() - 200 * DAY_MS),
      reason: '发证机构核查发现报考资格不符，证书已收回注销',
    });
  });

  it('杨磊: generating, promised within 24 hours', async () => {
    const { certificate } = await demoCertificate(seeded.service, '杨磊');
    expect(certificate.state.kind).toBe('generating');
    if (certificate.state.kind === 'generating') expect(certificate.state.promisedBy).toEqual(new Date(SEED_TIME.getTime() + DAY_MS));
  });

  it('赵敏: expired on D-10 and may re-apply', async () => {
    const { certificate } = await demoCertificate(seeded.service, '赵敏');
    expect(certificate.state.kind).toBe('expired');
    if (certificate.state.kind === 'expired') expect(certificate.state.annotation.expiresAt).toEqual(new Date(SEED_TIME.getTime() - 10 * DAY_MS));
    expect(certificate.quota.nextPossibleOn).toBeNull();
  });

  it('周杰: active but 3 of 3 used, next possible on D+10', async () => {
    const { certificate } = await demoCertificate(seeded.service, '周杰');
    expect(certificate.state.kind).toBe('active');
    expect(certificate.quota.usedInWindow).toBe(3);
    expect(chinaDay(certificate.quota.nextPossibleOn!)).toBe(chinaDay(new Date(SEED_TIME.getTime() + 10 * DAY_MS)));
  });

  it('a person not in the data is not found', async () => {
    expect(await seeded.service.verifyHolder({ name: '孙丽', idNumber: '11010519491231002X' }, holderActor)).toBeNull();
  });
});
