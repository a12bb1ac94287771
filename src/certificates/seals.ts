import type { IssuerKind } from './types.ts';

export const MOHRSS_SEAL_NAME = '中华人民共和国人力资源和社会保障部专业技术人员职业资格证书专用章';

/** The seals printed on a certificate: the MOHRSS seal (when used) plus the issuing body's own. */
export function sealsOf(issuerKind: IssuerKind | null, issuerName: string | null): string[] {
  const seals: string[] = [];
  if (issuerKind === 'MOHRSS_SEAL') seals.push(MOHRSS_SEAL_NAME);
  if (issuerName) seals.push(issuerName);
  return seals;
}
