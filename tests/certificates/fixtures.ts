import { fixedClock } from '../../src/clock.ts';
import { createCertificateService } from '../../src/certificates/certificate-service.ts';
import { DEMO_HOLDERS, seedDemoData } from '../../src/certificates/demo-data.ts';
import type { Actor, CertificateService } from '../../src/certificates/types.ts';
import type { Database } from '../../src/storage/database.ts';

export const SEED_TIME = new Date('2026-11-29T02:00:00Z'); // 10:00 in China
export const secrets = { idHashKey: 'test-id-hash-key-0123456789abcdef', downloadLinkKey: 'test-download-key-0123456789abcdef' };
export const holderActor: Actor = { kind: 'holder', id: 'web:test' };
export const PUBLIC_BASE_URL = 'https://certs.example.test';

export interface Seeded {
  clock: ReturnType<typeof fixedClock>;
  service: CertificateService;
}

/** A demo-seeded database with a service on a clock the test moves. */
export async function seedAndServe(db: Database): Promise<Seeded> {
  const clock = fixedClock(SEED_TIME);
  await seedDemoData(db.prisma, { clock, idHashKey: secrets.idHashKey });
  const service = createCertificateService({ prisma: db.prisma, secrets, clock, publicBaseUrl: PUBLIC_BASE_URL, downloadLinkTtlMinutes: 30 });
  return { clock, service };
}

export function demo(name: string): (typeof DEMO_HOLDERS)[number] {
  const holder = DEMO_HOLDERS.find((h) => h.name === name);
  if (!holder) throw new Error(`no demo holder ${name}`);
  return holder;
}

/** The holder id and the single certificate of a demo holder. */
export async function demoCertificate(service: CertificateService, name: string) {
  const verified = await service.verifyHolder({ name, idNumber: demo(name).idNumber }, holderActor);
  if (!verified) throw new Error(`${name} did not verify`);
  const [certificate] = await service.listCertificates(verified.holderId);
  if (!certificate) throw new Error(`${name} has no certificate`);
  return { holderId: verified.holderId, certificate };
}

/** A fresh holder with one annotation-requiring certificate, for tests that use up quotas. */
export async function freshCertificate(db: Database, label: string): Promise<{ holderId: string; certificateId: string }> {
  const batch = await db.prisma.issuanceBatch.upsert({
    where: { qualification_examYear: { qualification: '一级建造师', examYear: 2021 } },
    update: {},
    create: { qualification: '一级建造师', examYear: 2021, state: 'ONLINE' },
  });
  const holder = await db.prisma.holder.create({ data: { name: `测试${label}`, idHash: `hash-${label}-${Math.random()}`, idLast4: '0000' } });
  const certificate = await db.prisma.certificate.create({
    data: { holderId: holder.id, batchId: batch.id, number: `T${label}${Date.now()}`.slice(0, 30), issuerKind: 'MOHRSS_SEAL', issuerName: '住房和城乡建设部', issuedOn: new Date('2023-01-01') },
  });
  return { holderId: holder.id, certificateId: certificate.id };
}
