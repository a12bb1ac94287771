import type { Clock } from '../clock.ts';
import type { PrismaClient } from '../storage/database.ts';
import { certificateInclude, isUuid, toCertificateView } from './certificate-records.ts';
import { checkDownloadLink } from './download-links.ts';
import { annotationView } from './rules.ts';
import type { AnnotationView, CertificateView } from './types.ts';

export type GrantRefusal = 'tampered' | 'expired' | 'revoked' | 'unavailable';

export type GrantResolution =
  | { ok: true; certificate: CertificateView; annotation: AnnotationView | null }
  | { ok: false; reason: GrantRefusal };

/**
 * Checks a download link against its signature, its expiry and the certificate as it is now:
 * a certificate revoked, an annotation expired or a batch taken offline since the link was
 * made closes the link. A successful resolution counts one download.
 */
export async function resolveDownloadGrant(
  prisma: PrismaClient,
  clock: Clock,
  link: { grantId: string; exp: string; sig: string },
  downloadLinkKey: string,
): Promise<GrantResolution> {
  const now = clock.now();
  const check = checkDownloadLink(link, downloadLinkKey, now);
  if (check !== 'valid') return { ok: false, reason: check };
  if (!isUuid(link.grantId)) return { ok: false, reason: 'tampered' };
  const grant = await prisma.downloadGrant.findUnique({
    where: { id: link.grantId },
    include: { certificate: { include: certificateInclude }, annotation: true },
  });
  if (!grant) return { ok: false, reason: 'tampered' };
  if (now >= grant.expiresAt) return { ok: false, reason: 'expired' };
  const certificate = toCertificateView(grant.certificate, now);
  if (certificate.state.kind === 'revoked') return { ok: false, reason: 'revoked' };
  if (certificate.state.kind === 'not_online') return { ok: false, reason: 'unavailable' };
  const annotation = grant.annotation ? annotationView(grant.annotation, now) : null;
  if (annotation && annotation.state !== 'active') return { ok: false, reason: 'expired' };
  if (!annotation && certificate.state.kind !== 'downloadable_without_annotation') return { ok: false, reason: 'unavailable' };
  await prisma.downloadGrant.update({ where: { id: grant.id }, data: { downloads: { increment: 1 } } });
  return { ok: true, certificate, annotation };
}
