import type { Clock } from '../clock.ts';
import type { PrismaClient } from '../storage/database.ts';
import { DAY_MS } from './calendar.ts';
import { hashIdNumber, idLast4 } from './id-number.ts';
import { ANNOTATION_SCENARIO, type BatchState, type IssuerKind } from './types.ts';

/** The invented demo data of the shared DEMO-DATA.md contract. Day offsets are relative to the seeding day. */
export const DEMO_BATCHES: ReadonlyArray<{ qualification: string; examYear: number; state: BatchState }> = [
  { qualification: '一级建造师', examYear: 2022, state: 'RECEIVING' },
  { qualification: '一级建造师', examYear: 2021, state: 'ONLINE' },
  { qualification: '一级建造师', examYear: 2019, state: 'ONLINE' },
  { qualification: '监理工程师', examYear: 2020, state: 'ONLINE' },
  { qualification: '一级造价工程师', examYear: 2021, state: 'ONLINE' },
  { qualification: '经济专业技术资格（中级）', examYear: 2022, state: 'ONLINE' },
];

export interface DemoAnnotation {
  appliedDaysAgo: number;
  validityDays: number;
  /** Hours after seeding the worker may finish it; absent = already generated. */
  readyAfterHours?: number;
}

export interface DemoHolder {
  name: string;
  idNumber: string;
  qualification: string;
  examYear: number;
  number: string | null;
  issuerKind: IssuerKind | null;
  issuerName: string | null;
  issuedOn: string | null;
  revoked?: { daysAgo: number; reason: string };
  annotations: DemoAnnotation[];
}

const HOUSING_MINISTRY = '住房和城乡建设部';

export const DEMO_HOLDERS: readonly DemoHolder[] = [
  { name: '张伟', idNumber: '110105199003071239', qualification: '一级建造师', examYear: 2022, number: null, issuerKind: null, issuerName: null, issuedOn: null, annotations: [] },
  { name: '李娜', idNumber: '310115198805122347', qualification: '一级建造师', examYear: 2021, number: 'YJ2021000123', issuerKind: 'MOHRSS_SEAL', issuerName: HOUSING_MINISTRY, issuedOn: '2022-03-15', annotations: [] },
  { name: '王芳', idNumber: '440305199208153454', qualification: '监理工程师', examYear: 2020, number: 'JL2020004567', issuerKind: 'ASSOCIATION', issuerName: '中国建设监理协会', issuedOn: '2021-06-01', annotations: [] },
  {
    name: '刘洋', idNumber: '510107198501014563', qualification: '一级造价工程师', examYear: 2021, number: 'ZJ2021007890', issuerKind: 'MOHRSS_SEAL', issuerName: HOUSING_MINISTRY, issuedOn: '2022-04-20',
    annotations: [{ appliedDaysAgo: 10, validityDays: 90 }],
  },
  {
    name: '陈静', idNumber: '320102197911205678', qualification: '一级建造师', examYear: 2019, number: 'YJ2019003456', issuerKind: 'MOHRSS_SEAL', issuerName: HOUSING_MINISTRY, issuedOn: '2020-05-20',
    revoked: { daysAgo: 200, reason: '发证机构核查发现报考资格不符，证书已收回注销' }, annotations: [],
  },
  {
    name: '杨磊', idNumber: '610113199502286785', qualification: '经济专业技术资格（中级）', examYear: 2022, number: 'JJ2022001122', issuerKind: 'MOHRSS_SEAL', issuerName: '人力资源和社会保障部人事考试中心', issuedOn: '2023-02-10',
    annotations: [{ appliedDaysAgo: 0, validityDays: 90, readyAfterHours: 23 }],
  },
  {
    name: '赵敏', idNumber: '330106198709097898', qualification: '一级建造师', examYear: 2021, number: 'YJ2021000456', issuerKind: 'MOHRSS_SEAL', issuerName: HOUSING_MINISTRY, issuedOn: '2022-03-15',
    annotations: [{ appliedDaysAgo: 100, validityDays: 90 }],
  },
  {
    name: '周杰', idNumber: '120104198306188910', qualification: '一级建造师', examYear: 2021, number: 'YJ2021000789', issuerKind: 'MOHRSS_SEAL', issuerName: HOUSING_MINISTRY, issuedOn: '2022-03-15',
    annotations: [{ appliedDaysAgo: 80, validityDays: 90 }, { appliedDaysAgo: 50, validityDays: 90 }, { appliedDaysAgo: 20, validityDays: 90 }],
  },
];

// Serialises seeders that start together (two instances on one fresh database).
const SEED_LOCK_KEY = 4_242_001;

/**
 * Seeds the demo batches, holders, certificates and annotations when the database holds no
 * batch and no holder yet. Returns whether it seeded.
 */
export async function seedDemoData(prisma: PrismaClient, options: { clock: Clock; idHashKey: string }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
    if ((await tx.issuanceBatch.count()) > 0 || (await tx.holder.count()) > 0) return false;
    const now = options.clock.now();
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const batchIds = new Map<string, string>();
    for (const batch of DEMO_BATCHES) {
      const created = await tx.issuanceBatch.create({ data: { ...batch, onlineAt: batch.state === 'ONLINE' ? now : null } });
      batchIds.set(`${batch.qualification}/${batch.examYear}`, created.id);
    }
    for (const demo of DEMO_HOLDERS) {
      const holder = await tx.holder.create({
        data: { name: demo.name, idHash: hashIdNumber(demo.idNumber, options.idHashKey), idLast4: idLast4(demo.idNumber) },
      });
      const certificate = await tx.certificate.create({
        data: {
          holderId: holder.id,
          batchId: batchIds.get(`${demo.qualification}/${demo.examYear}`)!,
          number: demo.number,
          issuerKind: demo.issuerKind,
          issuerName: demo.issuerName,
          issuedOn: demo.issuedOn ? new Date(`${demo.issuedOn}T00:00:00Z`) : null,
          status: demo.revoked ? 'REVOKED' : 'VALID',
          revokedAt: demo.revoked ? daysAgo(demo.revoked.daysAgo) : null,
          revocationReason: demo.revoked?.reason ?? null,
        },
      });
      for (const annotation of demo.annotations) {
        const appliedAt = daysAgo(annotation.appliedDaysAgo);
        const generated = annotation.readyAfterHours === undefined;
        await tx.annotation.create({
          data: {
            certificateId: certificate.id,
            scenario: ANNOTATION_SCENARIO,
            validityDays: annotation.validityDays,
            appliedAt,
            expiresAt: new Date(appliedAt.getTime() + annotation.validityDays * DAY_MS),
            generateNotBefore: generated ? appliedAt : new Date(now.getTime() + annotation.readyAfterHours! * 3_600_000),
            readyAt: generated ? appliedAt : null,
          },
        });
      }
    }
    return true;
  }, { maxWait: 15_000, timeout: 30_000 });
}
