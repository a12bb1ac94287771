import { describe, expect, it } from 'vitest';
import { parseSlackBody, urlVerificationChallenge } from '../../../adapters/slack/parse-body.ts';

describe('parseSlackBody', () => {
  it('reads JSON events', () => {
    expect(parseSlackBody('{"type":"event_callback","event_id":"Ev1"}', 'application/json')).toEqual({ type: 'event_callback', event_id: 'Ev1' });
  });

  it('reads slash command forms and interactivity payloads', () => {
    expect(parseSlackBody('command=%2Fcert&text=YJ1', 'application/x-www-form-urlencoded; charset=utf-8')).toEqual({ command: '/cert', text: 'YJ1' });
    const payload = encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [] }));
    expect(parseSlackBody(`payload=${payload}`, 'application/x-www-form-urlencoded')).toEqual({ type: 'block_actions', actions: [] });
  });

  it('returns null for bodies that are not objects', () => {
    expect(parseSlackBody('not json', 'application/json')).toBeNull();
    expect(parseSlackBody('[1,2]', 'application/json')).toBeNull();
    expect(parseSlackBody('payload=%7Bbroken', 'application/x-www-form-urlencoded')).toBeNull();
  });
});

describe('urlVerificationChallenge', () => {
  it('finds the challenge of the handshake only', () => {
    expect(urlVerificationChallenge({ type: 'url_verification', challenge: 'c1' })).toBe('c1');
    expect(urlVerificationChallenge({ type: 'event_callback', challenge: 'c1' })).toBeNull();
  });
});
