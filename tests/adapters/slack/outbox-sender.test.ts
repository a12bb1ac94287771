import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HANDOFF_CHANNEL, startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.close();
});

describe('outbox sender', () => {
  const transcript = [
    { from: 'user' as const, text: '我的身份证号 310115198805122347，证书打不开', at: '2026-11-29T10:00:00Z' },
    { from: 'bot' as const, text: '已为您转人工。', at: '2026-11-29T10:00:05Z' },
  ];

  it('posts an opened ticket with its transcript to the handoff channel and attaches the thread', async () => {
    h.desk.add('t1', transcript);
    await h.channel.sender.deliver('handoff', { kind: 'handoff_opened', ticketId: 't1' }, 1n);
    const [message] = h.api.callsOf('chat.postMessage');
    expect(message?.['channel']).toBe(HANDOFF_CHANNEL);
    expect(message?.['text']).toBe('人工接入请求：用户要求人工');
    expect(message?.['blocks']).toEqual([
      { type: 'header', text: { type: 'plain_text', text: '人工接入请求' } },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*来源*\ntelegram' },
          { type: 'mrkdwn', text: '*工单*\nt1' },
          { type: 'mrkdwn', text: '*原因*\n用户要求人工' },
          { type: 'mrkdwn', text: '*创建时间*\n2026-11-29T10:00:00.000Z' },
        ],
      },
      { type: 'divider' },
      { type: 'section', text: { type: 'mrkdwn', text: '*用户* · 18:00\n我的身份证号 31**************，证书打不开\n\n*助手* · 18:00\n已为您转人工。' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '在此消息的线程中回复，内容会转达给用户；回复“已解决”结束对话。' }] },
    ]);
    expect(h.desk.calls).toEqual([{ method: 'attachThread', args: ['t1', HANDOFF_CHANNEL, '1700000000.000001'] }]);
    expect(JSON.stringify(h.api.calls)).not.toContain('310115198805122347');
  });

  it('does not post a ticket twice when the row is delivered again', async () => {
    h.desk.add('t1', transcript);
    await h.channel.sender.deliver('handoff', { kind: 'handoff_opened', ticketId: 't1' }, 1n);
    await h.channel.sender.deliver('handoff', { kind: 'handoff_opened', ticketId: 't1' }, 1n);
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(1);
  });

  it("posts a candidate's message in the ticket's thread, and throws while no thread is attached", async () => {
    h.desk.add('t2', transcript);
    await expect(h.channel.sender.deliver('handoff', { kind: 'handoff_message', ticketId: 't2', text: '还在吗？' }, 2n)).rejects.toThrow(/no Slack thread/);
    expect(h.api.callsOf('chat.postMessage')).toEqual([]);
    await h.desk.attachThread('t2', HANDOFF_CHANNEL, '1700000000.000777');
    await h.channel.sender.deliver('handoff', { kind: 'handoff_message', ticketId: 't2', text: '还在吗？<急>' }, 3n);
    expect(h.api.callsOf('chat.postMessage')).toEqual([{ channel: HANDOFF_CHANNEL, thread_ts: '1700000000.000777', text: '*用户*：还在吗？&lt;急&gt;' }]);
  });

  it('never sends an empty candidate message', async () => {
    h.desk.add('t3', transcript, { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    await h.channel.sender.deliver('handoff', { kind: 'handoff_message', ticketId: 't3', text: '   ' }, 4n);
    expect(h.api.callsOf('chat.postMessage')).toEqual([]);
  });

});

describe('Slack API failures', () => {
  it('retries a 5xx a bounded number of times, then throws to the dispatcher', async () => {
    h.desk.add('t1', []);
    const failure = { status: 500, body: { ok: false } };
    h.api.script('chat.postMessage', failure, failure, failure);
    await expect(h.channel.sender.deliver('handoff', { kind: 'handoff_opened', ticketId: 't1' }, 1n)).rejects.toThrow('Slack chat.postMessage failed: HTTP 500');
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(3);
    expect(h.sleeps).toEqual([10, 20]);
    expect(h.desk.calls).toEqual([]);
    await h.channel.sender.deliver('handoff', { kind: 'handoff_opened', ticketId: 't1' }, 1n);
    expect(h.desk.calls).toEqual([{ method: 'attachThread', args: ['t1', HANDOFF_CHANNEL, '1700000000.000001'] }]);
  });

  it('waits for Retry-After when rate limited, then delivers', async () => {
    h.desk.add('t1', [], { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    h.api.script('chat.postMessage', { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } });
    await h.channel.sender.deliver('handoff', { kind: 'handoff_message', ticketId: 't1', text: '在吗' }, 5n);
    expect(h.sleeps).toEqual([2000]);
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond the limit: the dispatcher retries later', async () => {
    h.desk.add('t1', [], { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    h.api.script('chat.postMessage', { status: 429, headers: { 'retry-after': '600' }, body: { ok: false, error: 'ratelimited' } });
    await expect(h.channel.sender.deliver('handoff', { kind: 'handoff_message', ticketId: 't1', text: '在吗' }, 5n)).rejects.toThrow(/rate limited/);
    expect(h.sleeps).toEqual([]);
  });

  it('surfaces ok:false errors without retrying the ones that cannot heal', async () => {
    h.desk.add('t1', []);
    h.api.script('chat.postMessage', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    await expect(h.channel.sender.deliver('handoff', { kind: 'handoff_opened', ticketId: 't1' }, 1n)).rejects.toThrow('Slack chat.postMessage failed: channel_not_found');
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(1);
  });

});
