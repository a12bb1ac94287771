/** What the dialog itself did (subscriptions, handoffs, identities forgotten); the certificate service audits its own actions. */
export interface AuditEntry {
  actor: string;
  action: string;
  holderId?: string;
  details?: Record<string, string | number | boolean | null>;
}

export interface AuditTrail {
  record(entry: AuditEntry): Promise<void>;
}
