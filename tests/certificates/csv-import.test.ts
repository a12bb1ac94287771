import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_MAX_BYTES, importCsv } from '../../src/certificates/csv-import.ts';
import type { Database } from '../../src/storage/database.ts';
import { testDatabases } from '../helpers/test-databases.ts';
import { holderActor, secrets, seedAndServe, type Seeded } from './fixtures.ts';

const HEADER = 'name,id_number,qualification,exam_year,certificate_number,issuer_kind,issuer_name,issued_on,status,revoked_at,revocation_reason';
const utf8 = (text: string) => new TextEncoder().encode(text);
const staff = { kind: 'staff' as const, id: 'test' };

describe.each(testDatabases())('CSV import on $name', ({ open }) => {
  let db: Database;
  let seeded: Seeded;
  const run = (bytes: Uint8Array) => importCsv(db.prisma, { clock: seeded.clock, idHashKey: secrets.idHashKey }, bytes, staff);
  const counts = async () => ({
    holders: await db.prisma.holder.count(),
    certificates: await db.prisma.certificate.count(),
    batches: await db.prisma.issuanceBatch.count(),
    events: await db.prisma.domainEvent.count(),
  });

  beforeAll(async () => {
    db = await open();
    seeded = await seedAndServe(db);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('imports certificates that can then be verified and looked up', async () => {
    const result = await run(utf8(`\uFEFF${HEADER}\n孙丽,11010519491231002X,一级建造师,2021,YJ2021000999,MOHRSS_SEAL,住房和城乡建设部,2022-03-15,VALID,,\nLi Ming,11010519491231002x,监理工程师,2020,JL2020009999,ASSOCIATION,中国建设监理协会,2021-05-01,,,\n`));
    expect(result).toEqual({ ok: true, kind: 'certificates', rows: 2, created: 2, updated: 0 });
    const verified = await seeded.service.verifyHolder({ name: 'Li Ming', idNumber: '11010519491231002X' }, holderActor);
    expect(verified).not.toBeNull();
    const list = await seeded.service.listCertificates(verified!.holderId);
    expect(list.map((c) => [c.qualification, c.number, c.state.kind])).toEqual([
      ['一级建造师', 'YJ2021000999', 'needs_annotation'],
      ['监理工程师', 'JL2020009999', 'downloadable_without_annotation'],
    ]);
    const again = await run(utf8(`${HEADER}\n孙丽,11010519491231002X,一级建造师,2021,YJ2021000999,MOHRSS_SEAL,住房和城乡建设部,2022-03-16,VALID,,\n`));
    expect(again).toMatchObject({ ok: true, created: 0, updated: 1 });
  });

  it('reports every bad row with its line number and imports nothing', async () => {
    const before = await counts();
    const csv = [
      HEADER,
      '周一,110105199003071239,一级建造师,2021,YJ2021001001,MOHRSS_SEAL,住房和城乡建设部,2022-03-15,VALID,,',
      '周二,110105199003071238,一级建造师,2021,YJ2021001002,MOHRSS_SEAL,住房和城乡建设部,2022-03-15,VALID,,',
      "\"Robert'); DROP TABLE holders;--\",440305199208153454,一级建造师,2021,,,,,,,",
      '周四,510107198501014563,一级建造师,20x1,YJ2021001004,MOHRSS_SEAL,住房和城乡建设部,2022-02-30,VALID,,',
      '周五,320102197911205678,一级建造师,2021,YJ2021001005,MOHRSS_SEAL,住房和城乡建设部,2022-03-15,REVOKED,,',
    ].join('\n');
    const result = await run(utf8(csv));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('invalid');
    const where = result.errors.map((e) => `${e.line}:${e.field}`);
    expect(where).toEqual(expect.arrayContaining(['3:id_number', '4:name', '5:exam_year', '5:issued_on', '6:revoked_at']));
    expect(where.some((w) => w.startsWith('2:'))).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('rejects a file over 5 MB, a non-UTF-8 file and a wrong header, changing nothing', async () => {
    const before = await counts();
    const big = new Uint8Array(10 * 1024 * 1024).fill(0x41);
    expect(await run(big)).toMatchObject({ ok: false, reason: 'too_large' });
    expect(big.byteLength).toBeGreaterThan(CSV_MAX_BYTES);
    const gbk = new Uint8Array([...utf8(`${HEADER}\n`), 0xd5, 0xc5, 0xce, 0xb0, ...utf8(',110105199003071239,一级建造师,2021,,,,,,,\n')]);
    const notUtf8 = await run(gbk);
    expect(notUtf8).toMatchObject({ ok: false, reason: 'not_utf8' });
    if (!notUtf8.ok) expect(notUtf8.errors[0]?.message).toMatch(/UTF-8/);
    expect(await run(utf8('who,what\n1,2\n'))).toMatchObject({ ok: false, reason: 'invalid', errors: [{ line: 1 }] });
    expect(await run(utf8(`${HEADER}\n"unclosed,1\n`))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await run(utf8(''))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await counts()).toEqual(before);
  });

  it('refuses a certificate number that belongs to someone else, importing nothing', async () => {
    const before = await counts();
    const result = await run(utf8(`${HEADER}\n新人,11010519491231002X,一级造价工程师,2021,ZJ2021007890,MOHRSS_SEAL,住房和城乡建设部,2022-04-20,VALID,,\n`));
    expect(result).toMatchObject({ ok: false, reason: 'invalid', errors: [{ line: 2, field: 'certificate_number' }] });
    expect(await counts()).toEqual(before);
  });

  it('moves batches, recording batch_online once per batch going online', async () => {
    const result = await run(utf8('qualification,exam_year,state\n一级建造师,2022,ONLINE\n一级建造师,2021,ONLINE\n二级建造师,2023,RECEIVING\n'));
    expect(result).toEqual({ ok: true, kind: 'batches', rows: 3, created: 1, updated: 2 });
    const events = await db.prisma.domainEvent.findMany({ where: { type: 'batch_online' } });
    const batch = await db.prisma.issuanceBatch.findUniqueOrThrow({ where: { qualification_examYear: { qualification: '一级建造师', examYear: 2022 } } });
    expect(events.map((e) => e.payload)).toEqual([{ batchId: batch.id }]);
    expect(batch.state).toBe('ONLINE');
  });
});
