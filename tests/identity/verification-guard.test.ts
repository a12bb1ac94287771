import { describe, expect, it } from 'vitest';
import { LOCK_WINDOW_MS, lockedUntilFrom } from '../../src/identity/verification-guard.ts';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));

describe('lockedUntilFrom', () => {
  it('locks for an hour from the fifth failure within an hour', () => {
    const failures = [0, 10, 20, 30, 40].map(at);
    expect(lockedUntilFrom(failures.slice(0, 4), at(41))).toBeNull();
    expect(lockedUntilFrom(failures, at(41))).toEqual(new Date(at(40).getTime() + LOCK_WINDOW_MS));
    expect(lockedUntilFrom(failures, at(99))).not.toBeNull();
    expect(lockedUntilFrom(failures, at(100))).toBeNull();
  });

  it('does not lock for five failures spread over more than an hour', () => {
    expect(lockedUntilFrom([0, 20, 40, 60, 61].map(at), at(62))).toBeNull();
  });
});
