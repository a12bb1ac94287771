import { verifySlackRequest } from '@slack/bolt';

/** Slack's rule: a request whose timestamp is more than five minutes from our clock is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks `X-Slack-Signature` (v0 HMAC-SHA256 of `v0:timestamp:body`) and the timestamp in both
 * directions (bolt's own check only refuses old timestamps, not ones from the future).
 */
export function verifySlackSignature(input: {
  signingSecret: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowMs: number;
}): Verdict {
  if (!input.signature || !input.timestamp) return { ok: false, reason: 'missing X-Slack-Signature or X-Slack-Request-Timestamp' };
  if (!/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: 'X-Slack-Request-Timestamp is not a number' };
  const timestamp = Number(input.timestamp);
  if (Math.abs(Math.floor(input.nowMs / 1000) - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return { ok: false, reason: 'X-Slack-Request-Timestamp is more than 5 minutes away from now' };
  }
  try {
    verifySlackRequest({
      signingSecret: input.signingSecret,
      body: input.rawBody,
      headers: { 'x-slack-signature': input.signature, 'x-slack-request-timestamp': timestamp },
      nowMilliseconds: input.nowMs,
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'signature mismatch' };
  }
}
