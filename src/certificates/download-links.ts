import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signature covers: the grant (bound to one certificate and annotation) and the expiry. */
function signature(grantId: string, expiresAtSeconds: number, key: string): string {
  return createHmac('sha256', key).update(`download:${grantId}:${expiresAtSeconds}`).digest('base64url');
}

/**
 * `${publicBaseUrl}/download/<grantId>?exp=<unix seconds>&sig=<HMAC>`: no name or ID number in
 * the URL; the grant row says which certificate and annotation it opens.
 */
export function signedDownloadUrl(publicBaseUrl: string, grantId: string, expiresAt: Date, key: string): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  const base = publicBaseUrl.replace(/\/+$/, '');
  return `${base}/download/${encodeURIComponent(grantId)}?exp=${exp}&sig=${signature(grantId, exp, key)}`;
}

export type LinkCheck = 'valid' | 'tampered' | 'expired';

/** Checks the signature first (a forged expiry must not read as "expired"), then the time. */
export function checkDownloadLink(input: { grantId: string; exp: string; sig: string }, key: string, now: Date): LinkCheck {
  if (!/^\d{1,12}$/.test(input.exp)) return 'tampered';
  const exp = Number(input.exp);
  const expected = Buffer.from(signature(input.grantId, exp, key));
  const given = Buffer.from(input.sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'tampered';
  return now.getTime() >= exp * 1000 ? 'expired' : 'valid';
}
