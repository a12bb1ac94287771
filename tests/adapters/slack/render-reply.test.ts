import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../adapters/slack/render-reply.ts';

describe('renderReply', () => {
  it('renders text, a card, buttons and a link as Block Kit', () => {
    const rendered = renderReply({
      text: '状态如下',
      card: { title: '证书', fields: [{ label: '状态', value: '有效' }] },
      buttons: [{ label: '再问', value: 'again' }],
      link: { label: '下载', url: 'https://example.org/d/1' },
    });
    expect(rendered).toEqual({
      text: '状态如下',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: '状态如下' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*证书*' }, fields: [{ type: 'mrkdwn', text: '*状态*\n有效' }] },
        {
          type: 'actions',
          elements: [
            { type: 'button', action_id: 'reply_button:0', text: { type: 'plain_text', text: '再问' }, value: 'again' },
            { type: 'button', action_id: 'reply_link', text: { type: 'plain_text', text: '下载' }, url: 'https://example.org/d/1' },
          ],
        },
      ],
    });
  });

  it('falls back to the card title when the text is empty', () => {
    expect(renderReply({ text: '', card: { title: '证书', fields: [] } }).text).toBe('证书');
  });
});
