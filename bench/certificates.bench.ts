import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../src/clock.ts';
import { renderCertificatePdf } from '../src/certificates/certificate-pdf.ts';
import { createCertificateService } from '../src/certificates/certificate-service.ts';
import { DEMO_HOLDERS, seedDemoData } from '../src/certificates/demo-data.ts';
import type { Actor } from '../src/certificates/types.ts';
import { IN_MEMORY, openDatabase, type Database } from '../src/storage/database.ts';
import { openThrowawayPostgres } from '../tests/helpers/test-databases.ts';
import { benchPostgresUrl } from './support/bench-database.ts';
import type { BenchRow } from './types.ts';

const STATUS_LOOKUPS = 300;
const ANNOTATION_REQUESTS = 100;
const PDF_RENDERS = 20;
const actor: Actor = { kind: 'system', id: 'bench' };
const secrets = { idHashKey: randomBytes(32).toString('hex'), downloadLinkKey: randomBytes(32).toString('hex') };

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}


async function benchOn(label: string, database: Database): Promise<BenchRow[]> {
  const suite = 'certificates';
  const { prisma } = database;
  await seedDemoData(prisma, { clock: systemClock, idHashKey: secrets.idHashKey });
  const service = createCertificateService({ prisma, secrets, clock: systemClock, publicBaseUrl: 'http://127.0.0.1', downloadLinkTtlMinutes: 30 });

  const lookups: number[] = [];
  const started = performance.now();
  for (let index = 0; index < STATUS_LOOKUPS; index += 1) {
    const demo = DEMO_HOLDERS[index % DEMO_HOLDERS.length]!;
    const t0 = performance.now();
    const holder = await service.verifyHolder({ name: demo.name, idNumber: demo.idNumber }, actor);
    await service.listCertificates(holder!.holderId);
    lookups.push(performance.now() - t0);
  }
  const lookupRate = STATUS_LOOKUPS / ((performance.now() - started) / 1000);

  const batch = await prisma.issuanceBatch.findFirstOrThrow({ where: { state: 'ONLINE' } });
  const targets = [];
  for (let index = 0; index < ANNOTATION_REQUESTS; index += 1) {
    const holder = await prisma.holder.create({ data: { name: '压测', idHash: `bench-${index}-${randomBytes(4).toString('hex')}`, idLast4: '0000' } });
    const certificate = await prisma.certificate.create({ data: { holderId: holder.id, batchId: batch.id, number: `BENCH${index}${randomBytes(3).toString('hex')}`.toUpperCase(), issuerKind: 'MOHRSS_SEAL', issuerName: '住房和城乡建设部', issuedOn: new Date('2023-01-01') } });
    targets.push({ holderId: holder.id, certificateId: certificate.id });
  }
  const annotationTimes: number[] = [];
  const annotationStart = performance.now();
  for (const target of targets) {
    const t0 = performance.now();
    const outcome = await service.requestAnnotation({ ...target, validityDays: 90 }, actor);
    if (!outcome.ok) throw new Error(`annotation refused: ${outcome.reason}`);
    annotationTimes.push(performance.now() - t0);
  }
  const annotationRate = ANNOTATION_REQUESTS / ((performance.now() - annotationStart) / 1000);

  const contested = targets[0]!;
  const raceStart = performance.now();
  const race = await Promise.all(Array.from({ length: 10 }, () => service.requestAnnotation({ ...contested, validityDays: 30 }, actor)));
  const raceMs = performance.now() - raceStart;
  const created = await prisma.annotation.count({ where: { certificateId: contested.certificateId } });

  const liu = await service.verifyHolder({ name: '刘洋', idNumber: DEMO_HOLDERS.find((h) => h.name === '刘洋')!.idNumber }, actor);
  const [certificate] = await service.listCertificates(liu!.holderId);
  const annotation = certificate!.state.kind === 'active' ? certificate!.state.annotation : null;
  await renderCertificatePdf(certificate!, annotation, new Date());
  const pdfStart = performance.now();
  for (let index = 0; index < PDF_RENDERS; index += 1) await renderCertificatePdf(certificate!, annotation, new Date());
  const pdfMs = (performance.now() - pdfStart) / PDF_RENDERS;

  return [
    { suite, name: `status look-up (verify + list), ${label}`, value: lookupRate, unit: 'ops/s', target: '≥ 100 ops/s', met: lookupRate >= 100, note: `p50 ${percentile(lookups, 50).toFixed(1)} ms, p95 ${percentile(lookups, 95).toFixed(1)} ms, n=${STATUS_LOOKUPS}` },
    { suite, name: `annotation request, ${label}`, value: annotationRate, unit: 'ops/s', target: '≥ 30 ops/s', met: annotationRate >= 30, note: `p95 ${percentile(annotationTimes, 95).toFixed(1)} ms, n=${ANNOTATION_REQUESTS}` },
    { suite, name: `10 simultaneous requests on one certificate, ${label}`, value: raceMs, unit: 'ms', target: 'never more than 3 annotations', met: created === 3, note: `${race.filter((o) => o.ok).length} accepted, ${created} stored` },
    { suite, name: `certificate PDF render (warm), ${label}`, value: pdfMs, unit: 'ms', target: '≤ 200 ms', met: pdfMs <= 200, note: `n=${PDF_RENDERS}` },
  ];
}

/** Status look-up and annotation request rates on PGlite and on PostgreSQL (the server of benchPostgresUrl()). */
export async function runCertificateBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const embedded = await openDatabase({ dataDir: IN_MEMORY });
  try {
    rows.push(...(await benchOn('PGlite', embedded)));
  } finally {
    await embedded.close();
  }
  const database = await openThrowawayPostgres(benchPostgresUrl(), 'bench');
  try {
    rows.push(...(await benchOn('PostgreSQL', database)));
  } finally {
    await database.close();
  }
  return rows;
}
