import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, maskDeep, slackTextToPlain, splitForSections, truncate } from '../../../adapters/slack/mrkdwn.ts';

describe('mrkdwn helpers', () => {
  it('escapes the three control characters', () => {
    expect(escapeMrkdwn('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
  });

  it('turns Slack text back into plain text', () => {
    expect(slackTextToPlain('见 <https://example.org/faq|说明> 和 <https://example.org> &lt;注意&gt; &amp;')).toBe('见 说明 (https://example.org/faq) 和 https://example.org <注意> &');
  });

  it('splits long text into section-sized pieces without losing characters', () => {
    const text = ['一'.repeat(20), '二'.repeat(20), '三'.repeat(45)].join('\n');
    const pieces = splitForSections(text, 30);
    expect(pieces.every((piece) => piece.length <= 30)).toBe(true);
    expect(pieces.join('').replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
    expect(splitForSections('  \n ')).toEqual([]);
  });

  it('truncates with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });

  it('masks ID numbers anywhere in a payload', () => {
    const masked = maskDeep({ text: '110105199003071239', blocks: [{ fields: [{ text: '号 320102197911205678 号' }] }], n: 3 });
    expect(masked).toEqual({ text: '11**************', blocks: [{ fields: [{ text: '号 32************** 号' }] }], n: 3 });
  });
});
