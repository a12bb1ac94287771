import { describe, expect, it } from 'vitest';
import { commandMenu, engineTextFor } from '../../../adapters/telegram/commands.ts';

describe('engineTextFor', () => {
  it('turns each command into the text the engine understands', () => {
    expect(['/start', '/help', '/status', '/annotate', '/download', '/cancel'].map((text) => engineTextFor(text))).toEqual([
      '你好',
      '帮助',
      '查询证书状态',
      '申请加注',
      '下载证书',
      '取消',
    ]);
  });

  it('accepts a bot name, a payload and upper case, but not a command meant for another bot', () => {
    expect(engineTextFor('/STATUS@cert_test_bot', 'cert_test_bot')).toBe('查询证书状态');
    expect(engineTextFor('/start deep-link-payload')).toBe('你好');
    expect(engineTextFor('/status@other_bot', 'cert_test_bot')).toBe('/status@other_bot');
  });

  it('passes other texts through unchanged', () => {
    expect(engineTextFor('/statusx')).toBe('/statusx');
    expect(engineTextFor('查询 /status')).toBe('查询 /status');
    expect(engineTextFor('/unknown')).toBe('/unknown');
  });
});

describe('commandMenu', () => {
  it('lists the six commands in both languages', () => {
    expect(commandMenu('zh').map((entry) => entry.command)).toEqual(['start', 'help', 'status', 'annotate', 'download', 'cancel']);
    expect(commandMenu('en').find((entry) => entry.command === 'annotate')?.description).toBe('Request an annotation');
  });
});
