import { describe, expect, it } from 'vitest';
import { appendTranscript, initialState, parseConversationState, TRANSCRIPT_LINES } from '../../src/engine/conversation-state.ts';

describe('conversation state', () => {
  it('keeps the last lines, masked and shortened', () => {
    let transcript = initialState().transcript;
    const at = new Date('2026-01-01T00:00:00Z');
    for (let index = 0; index < 30; index += 1) transcript = appendTranscript(transcript, 'user', `line ${index} 110105199003071239`, at);
    transcript = appendTranscript(transcript, 'bot', 'x'.repeat(2_000), at);
    expect(transcript).toHaveLength(TRANSCRIPT_LINES);
    expect(transcript[0]?.text).toBe('line 11 11**************');
    expect(transcript.at(-1)?.text.length).toBeLessThan(600);
  });

  it('never cuts a line inside a surrogate pair', () => {
    const line = appendTranscript([], 'user', `a${'😀'.repeat(400)}`, new Date())[0]?.text ?? '';
    expect(line).toMatch(/…$/);
    expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('starts over from a saved state that no longer parses', () => {
    expect(parseConversationState({ locale: 'fr', flow: 3 }, 'en')).toEqual(initialState('en'));
    expect(parseConversationState({ locale: 'zh-Hant' }).locale).toBe('zh-Hant');
  });
});
