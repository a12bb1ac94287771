import { describe, expect, it } from 'vitest';
import { loadFaqEntries } from '../../src/faq/load-entries.ts';
import { ACTION_BUTTONS, entryReply, FALLBACK_SUGGESTIONS, unsureReply } from '../../src/faq/replies.ts';

const entries = loadFaqEntries();
const byNumber = new Map(entries.map((entry) => [entry.number, entry]));

describe('replies', () => {
  it('entryReply puts the tied action first, then the related entries', () => {
    const reply = entryReply(byNumber.get(16)!, byNumber, 'en');
    expect(reply.text).toBe("Download the electronic certificate with the browser's built-in download tool.");
    expect(reply.buttons?.map((button) => button.value)).toEqual(['下载证书', 'FAQ 4', 'FAQ 5']);
    expect(entryReply(byNumber.get(1)!, byNumber, 'zh-Hans').buttons?.map((button) => button.value)).toEqual(['FAQ 2', 'FAQ 3', 'FAQ 6']);
  });

  it('unsureReply offers at most three suggestions and a human', () => {
    const reply = unsureReply([9, 8, 7, 15], byNumber, 'zh-Hant');
    expect(reply.buttons?.map((button) => button.value)).toEqual(['FAQ 9', 'FAQ 8', 'FAQ 7', '转人工']);
    expect(reply.text).toContain('轉人工');
  });

  it('falls back to common entries when nothing was close', () => {
    const reply = unsureReply([], byNumber, 'en');
    expect(reply.buttons?.map((button) => button.value)).toEqual([...FALLBACK_SUGGESTIONS.map((number) => `FAQ ${number}`), '转人工']);
    expect(reply.text).toMatch(/didn't understand/);
  });

  it('keeps action values short and fixed whatever the locale', () => {
    for (const button of Object.values(ACTION_BUTTONS)) expect(Buffer.byteLength(button.value)).toBeLessThanOrEqual(64);
  });
});
