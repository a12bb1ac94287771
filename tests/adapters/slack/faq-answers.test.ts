import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dm, startHarness, type Harness } from './harness.ts';
import { postSigned } from './fakes.ts';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.close();
});

describe('FAQ questions in a direct message', () => {
  it('answers with the entry, its buttons, and the label with confidence', async () => {
    const response = await postSigned(h.server, dm('Ev10', '电子证书怎么加注？'));
    expect(response.statusCode).toBe(200);
    await h.channel.whenIdle();
    expect(h.api.callsOf('chat.postMessage')).toEqual([
      {
        channel: 'D1',
        text: '答案7：下载前请先申请加注。',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: '答案7：下载前请先申请加注。' } },
          { type: 'actions', elements: [{ type: 'button', action_id: 'reply_button:0', text: { type: 'plain_text', text: '相关问题3' }, value: '加注有效期' }] },
          { type: 'context', elements: [{ type: 'mrkdwn', text: 'faq:7 · 置信度 0.92' }] },
        ],
      },
    ]);
  });

  it('answers English in English and escapes mrkdwn control characters', async () => {
    await postSigned(h.server, dm('Ev11', 'How do I get an annotation?'));
    await h.channel.whenIdle();
    const [message] = h.api.callsOf('chat.postMessage');
    expect(message?.['text']).toBe('Answer 7: apply for an annotation <before> downloading.');
    expect(message?.['blocks']).toContainEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Answer 7: apply for an annotation &lt;before&gt; downloading.' } });
    expect(message?.['blocks']).toContainEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'faq:7 · confidence 0.92' }] });
  });

  it('gives the honest unsure reply for a question it cannot place', async () => {
    await postSigned(h.server, dm('Ev12', '你好呀'));
    await h.channel.whenIdle();
    const [message] = h.api.callsOf('chat.postMessage');
    expect(message?.['text']).toBe('不太确定，您可能想问：');
    expect(message?.['blocks']).toContainEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'none · 置信度 0.20' }] });
  });




  it('answers a question asked in a DM thread inside that thread', async () => {
    await postSigned(h.server, dm('Ev15', '加注要多久', { thread_ts: '1700000000.000500' }));
    await h.channel.whenIdle();
    const [message] = h.api.callsOf('chat.postMessage');
    expect(message?.['channel']).toBe('D1');
    expect(message?.['thread_ts']).toBe('1700000000.000500');
  });

  it('answers a reply button press with the button value', async () => {
    const payload = JSON.stringify({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U1' },
      api_app_id: 'A1',
      trigger_id: 'trig-1',
      channel: { id: 'D1' },
      container: { type: 'message', channel_id: 'D1', message_ts: '1.1' },
      actions: [{ type: 'button', action_id: 'reply_button:0', block_id: 'b', value: '加注有效期', action_ts: '1.2' }],
    });
    const response = await postSigned(h.server, new URLSearchParams({ payload }).toString(), { contentType: 'application/x-www-form-urlencoded' });
    expect(response.statusCode).toBe(200);
    await h.channel.whenIdle();
    expect(h.faq.classified).toEqual(['加注有效期']);
    expect(h.api.callsOf('chat.postMessage')[0]?.['channel']).toBe('D1');
  });
});
