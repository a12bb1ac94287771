import { describe, expect, it } from 'vitest';
import { verifySlackSignature } from '../../../adapters/slack/verify-signature.ts';
import { sign } from './fakes.ts';

const secret = 'shh';
const nowMs = 1_800_000_000_000;
const now = nowMs / 1000;
const body = '{"type":"event_callback"}';

function check(overrides: Partial<Parameters<typeof verifySlackSignature>[0]> = {}) {
  return verifySlackSignature({ signingSecret: secret, rawBody: body, signature: sign(body, now, secret), timestamp: String(now), nowMs, ...overrides });
}

describe('verifySlackSignature', () => {
  it('accepts a request signed with the secret within five minutes', () => {
    expect(check()).toEqual({ ok: true });
    expect(check({ timestamp: String(now - 300), signature: sign(body, now - 300, secret) })).toEqual({ ok: true });
  });

  it('refuses a changed body, a wrong secret and an unknown version', () => {
    expect(check({ rawBody: `${body} ` }).ok).toBe(false);
    expect(check({ signature: sign(body, now, 'other') }).ok).toBe(false);
    expect(check({ signature: sign(body, now, secret).replace('v0=', 'v1=') }).ok).toBe(false);
  });

  it('refuses timestamps more than five minutes in the past or the future', () => {
    for (const timestamp of [now - 301, now + 301]) {
      const verdict = check({ timestamp: String(timestamp), signature: sign(body, timestamp, secret) });
      expect(verdict).toEqual({ ok: false, reason: 'X-Slack-Request-Timestamp is more than 5 minutes away from now' });
    }
  });

  it('refuses missing or malformed headers', () => {
    expect(check({ signature: undefined }).ok).toBe(false);
    expect(check({ timestamp: undefined }).ok).toBe(false);
    expect(check({ timestamp: '17e8' }).ok).toBe(false);
  });
});
