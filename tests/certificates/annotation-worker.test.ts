import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDueAnnotations, startAnnotationWorker } from '../../src/certificates/annotation-worker.ts';
import type { Database } from '../../src/storage/database.ts';
import { testDatabases } from '../helpers/test-databases.ts';
import { demoCertificate, freshCertificate, holderActor, SEED_TIME, seedAndServe, type Seeded } from './fixtures.ts';

const HOUR = 3_600_000;

describe.each(testDatabases())('the annotation worker on $name', ({ open }) => {
  let db: Database;
  let seeded: Seeded;
  beforeAll(async () => {
    db = await open();
    seeded = await seedAndServe(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('finishes 杨磊 23 hours after seeding, not before', async () => {
    seeded.clock.set(new Date(SEED_TIME.getTime() + 22 * HOUR));
    expect(await processDueAnnotations(db.prisma, seeded.clock)).toBe(0);
    expect((await demoCertificate(seeded.service, '杨磊')).certificate.state.kind).toBe('generating');
    seeded.clock.set(new Date(SEED_TIME.getTime() + 23 * HOUR));
    expect(await processDueAnnotations(db.prisma, seeded.clock)).toBe(1);
    expect((await demoCertificate(seeded.service, '杨磊')).certificate.state.kind).toBe('active');
    expect(await processDueAnnotations(db.prisma, seeded.clock)).toBe(0);
  });

  it('shares work between simultaneous workers without doing any twice', async () => {
    for (let index = 0; index < 6; index += 1) {
      const { holderId, certificateId } = await freshCertificate(db, `worker${index}`);
      await seeded.service.requestAnnotation({ holderId, certificateId, validityDays: 10 }, holderActor);
    }
    const counts = await Promise.all([1, 2, 3].map(() => processDueAnnotations(db.prisma, seeded.clock, 4)));
    const second = await processDueAnnotations(db.prisma, seeded.clock, 10);
    expect(counts.reduce((a, b) => a + b, 0) + second).toBe(6);
    expect(await db.prisma.annotation.count({ where: { readyAt: null } })).toBe(0);
  });

  it('runs in the background until stopped', async () => {
    const { holderId, certificateId } = await freshCertificate(db, 'background');
    await seeded.service.requestAnnotation({ holderId, certificateId, validityDays: 10 }, holderActor);
    const stop = startAnnotationWorker(db.prisma, seeded.clock, { intervalMs: 20 });
    try {
      for (let attempt = 0; attempt < 100; attempt += 1) {
        if ((await db.prisma.annotation.count({ where: { certificateId, readyAt: null } })) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await stop();
    }
    expect(await db.prisma.annotation.count({ where: { certificateId, readyAt: null } })).toBe(0);
  });
});
