import type { Clock } from '../clock.ts';
import { toSimplified } from '../i18n/script.ts';
import type { PrismaClient } from '../storage/database.ts';
import { requestAnnotation } from './annotation-request.ts';
import { writeAudit } from './audit.ts';
import { moveBatch } from './batch-state.ts';
import { certificateInclude, isUuid, toCertificateView } from './certificate-records.ts';
import { signedDownloadUrl } from './download-links.ts';
import { insertGrantWithAudit } from './grant-insert.ts';
import { hashIdNumber, isValidIdNumber } from './id-number.ts';
import type { CertificateService, CertificateView, DownloadOutcome } from './types.ts';

export interface CertificateServiceDeps {
  prisma: PrismaClient;
  secrets: { idHashKey: string; downloadLinkKey: string };
  clock: Clock;
  /** Where the download route is reachable, e.g. https://certs.example.org */
  publicBaseUrl: string;
  downloadLinkTtlMinutes: number;
}

/** Names compare without spaces and in simplified script, so 張偉 finds 张伟. */
export function normaliseName(name: string): string {
  return toSimplified(name.normalize('NFKC').replace(/\s+/g, ''));
}

export function createCertificateService(deps: CertificateServiceDeps): CertificateService {
  const { prisma, clock } = deps;

  async function view(where: { id: string; holderId?: string } | { number: string }): Promise<CertificateView | null> {
    const record = await prisma.certificate.findFirst({ where, include: certificateInclude });
    return record ? toCertificateView(record, clock.now()) : null;
  }

  return {
    async verifyHolder({ name, idNumber }, actor) {
      if (!isValidIdNumber(idNumber)) return null;
      const holder = await prisma.holder.findUnique({ where: { idHash: hashIdNumber(idNumber, deps.secrets.idHashKey) } });
      const matches = holder !== null && normaliseName(holder.name) === normaliseName(name);
      await writeAudit(prisma, actor, 'verify_holder', { holderId: matches ? holder.id : null, details: { succeeded: matches } });
      return matches ? { holderId: holder.id, name: holder.name, idLast4: holder.idLast4 } : null;
    },

    async listCertificates(holderId) {
      if (!isUuid(holderId)) return [];
      const records = await prisma.certificate.findMany({ where: { holderId }, include: certificateInclude, orderBy: { createdAt: 'asc' } });
      const now = clock.now();
      return records.map((record) => toCertificateView(record, now));
    },

    async getCertificate(holderId, certificateId) {
      if (!isUuid(holderId) || !isUuid(certificateId)) return null;
      return view({ id: certificateId, holderId });
    },

    requestAnnotation: (input, actor) => requestAnnotation(prisma, clock, input, actor),

    async createDownloadLink({ holderId, certificateId, loaded }, actor): Promise<DownloadOutcome> {
      if (!isUuid(holderId) || !isUuid(certificateId)) return { ok: false, reason: 'not_found' };
      const certificate = loaded?.id === certificateId ? loaded : await view({ id: certificateId, holderId });
      if (!certificate) return { ok: false, reason: 'not_found' };
      const { state } = certificate;
      if (state.kind !== 'active' && state.kind !== 'downloadable_without_annotation') {
        return { ok: false, reason: state.kind, certificate };
      }
      const now = clock.now();
      const linkEnd = now.getTime() + deps.downloadLinkTtlMinutes * 60_000;
      const expiresAt = new Date(state.kind === 'active' ? Math.min(linkEnd, state.annotation.expiresAt.getTime()) : linkEnd);
      const annotationId = state.kind === 'active' ? state.annotation.id : null;
      const grantId = await insertGrantWithAudit(prisma, { holderId, certificateId, annotationId, expiresAt, createdAt: now }, actor);
      const url = signedDownloadUrl(deps.publicBaseUrl, grantId, expiresAt, deps.secrets.downloadLinkKey);
      return { ok: true, url, expiresAt, certificate };
    },

    async findByNumber(number, actor) {
      const trimmed = number.trim().toUpperCase();
      if (!trimmed || trimmed.length > 64) return null;
      const certificate = await view({ number: trimmed });
      await writeAudit(prisma, actor, 'find_by_number', { certificateId: certificate?.id ?? null, details: { found: certificate !== null } });
      return certificate;
    },

    async setBatchState(input, actor) {
      await prisma.$transaction(async (tx) => {
        const batchId = await moveBatch(tx, input, clock.now());
        await writeAudit(tx, actor, 'set_batch_state', { details: { batchId, state: input.state } });
      });
    },
  };
}
