import { describe, expect, it } from 'vitest';
import { COMMAND_VALUES, isLocaleNeutral, parseCommand } from '../../src/engine/commands.ts';

const uuid = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

describe('parseCommand', () => {
  it.each([
    ['取消', 'cancel'],
    ['Cancel', 'cancel'],
    ['重新開始', 'restart'],
    ['restart', 'restart'],
    ['轉人工', 'human'],
    ['转人工', 'human'],
    ['human', 'human'],
    ['確認', 'yes'],
    ['/no', 'no'],
    ['更换身份', 'forget'],
  ])('%s → %s', (text, kind) => {
    expect(parseCommand(text)?.kind).toBe(kind);
  });

  it('reads button values with arguments', () => {
    expect(parseCommand(COMMAND_VALUES.notify(uuid))).toEqual({ kind: 'notify', batchId: uuid });
    expect(parseCommand(COMMAND_VALUES.annotate(uuid))).toEqual({ kind: 'start', flow: 'annotate', certificateId: uuid });
    expect(parseCommand(COMMAND_VALUES.download())).toEqual({ kind: 'start', flow: 'download' });
    expect(parseCommand('/faq 7')).toEqual({ kind: 'faq', entry: 7 });
    expect(parseCommand('/notify 7')).toBeNull();
  });

  it('leaves ordinary sentences alone', () => {
    expect(parseCommand('我想取消加注可以吗')).toBeNull();
    expect(parseCommand('张伟 110105199003071239')).toBeNull();
  });

  it('keeps every button value within Telegram’s 64 bytes', () => {
    for (const value of [COMMAND_VALUES.notify(uuid), COMMAND_VALUES.annotate(uuid), COMMAND_VALUES.download(uuid)]) {
      expect(Buffer.byteLength(value, 'utf8')).toBeLessThanOrEqual(64);
    }
  });
});

describe('isLocaleNeutral', () => {
  it('treats numbers, ID numbers and button values as saying nothing about language', () => {
    expect(isLocaleNeutral('1')).toBe(true);
    expect(isLocaleNeutral('11010519491231002X')).toBe(true);
    expect(isLocaleNeutral('/status')).toBe(true);
    expect(isLocaleNeutral('FAQ 7')).toBe(true);
    expect(isLocaleNeutral('status please')).toBe(false);
  });
});
