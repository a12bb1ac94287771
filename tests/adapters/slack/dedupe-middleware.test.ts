import { describe, expect, it } from 'vitest';
import { deliveryKey } from '../../../adapters/slack/dedupe-middleware.ts';

describe('deliveryKey', () => {
  it('uses event_id for events and trigger_id for commands and actions', () => {
    expect(deliveryKey({ event_id: 'Ev1', trigger_id: 'x' })).toBe('Ev1');
    expect(deliveryKey({ command: '/cert', trigger_id: '123.456' })).toBe('trigger:123.456');
    expect(deliveryKey({ type: 'view_closed' })).toBeNull();
    expect(deliveryKey(null)).toBeNull();
  });
});
