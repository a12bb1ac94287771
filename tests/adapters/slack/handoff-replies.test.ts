import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isResolveCommand } from '../../../adapters/slack/handoff-replies.ts';
import { HANDOFF_CHANNEL, STAFF, startHarness, threadReply, type Harness } from './harness.ts';
import { eventBody, postSigned } from './fakes.ts';

describe('isResolveCommand', () => {
  it('recognises the resolve words with trailing punctuation and case', () => {
    for (const text of ['resolve', 'Resolved.', ' 解决 ', '已解决。', '结束！', 'RESOLVED!']) expect(isResolveCommand(text)).toBe(true);
  });

  it('treats anything else as a reply to the user', () => {
    for (const text of ['问题已解决了吗？', 'resolved your issue?', '结束前请确认', '']) expect(isResolveCommand(text)).toBe(false);
  });
});

describe('staff replies in a ticket thread', () => {
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
  });

  afterEach(async () => {
    await h.close();
  });

  const transcript = [
    { from: 'user' as const, text: '我的身份证号 310115198805122347，证书打不开', at: '2026-11-29T10:00:00Z' },
    { from: 'bot' as const, text: '已为您转人工。', at: '2026-11-29T10:00:05Z' },
  ];

  it("relays a staff reply in the ticket's thread with the staff member's name", async () => {
    h.api.names.set(STAFF, '王老师');
    h.desk.add('t3', transcript, { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    const response = await postSigned(h.server, threadReply('Ev20', '您好，请发一下证书编号 &amp; 截图'));
    expect(response.statusCode).toBe(200);
    await h.channel.whenIdle();
    expect(h.desk.calls).toEqual([{ method: 'staffReply', args: ['t3', '您好，请发一下证书编号 & 截图', '王老师'] }]);
    expect(h.api.callsOf('users.info')).toEqual([{ user: STAFF }]);
    expect(h.api.callsOf('chat.postMessage')).toEqual([]);
  });

  it('resolves the ticket on a resolve word and confirms in the thread', async () => {
    h.api.names.set(STAFF, '王老师');
    h.desk.add('t3', transcript, { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    await postSigned(h.server, threadReply('Ev21', '已解决。'));
    await h.channel.whenIdle();
    expect(h.desk.calls).toEqual([{ method: 'resolve', args: ['t3', '王老师'] }]);
    expect(h.api.callsOf('chat.postMessage')).toEqual([
      { channel: HANDOFF_CHANNEL, thread_ts: '1700000000.000888', text: '✅ 王老师 已将此工单标记为已解决，对话已结束。' },
    ]);
    await postSigned(h.server, threadReply('Ev22', '还有一件事'));
    await h.channel.whenIdle();
    expect(h.desk.calls).toHaveLength(1);
    expect(h.api.callsOf('chat.postMessage')[1]?.['text']).toBe('此工单已解决，消息未转达给用户。');
  });

  it('ignores thread replies that are not about a ticket, and the bot itself', async () => {
    h.desk.add('t3', transcript, { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    await postSigned(h.server, threadReply('Ev23', '闲聊', STAFF, '1600000000.000001'));
    await postSigned(h.server, eventBody('Ev24', { type: 'message', subtype: 'bot_message', bot_id: 'BBOT', channel: HANDOFF_CHANNEL, text: '*用户*：在吗', ts: '1.9', thread_ts: '1700000000.000888' }));
    await h.channel.whenIdle();
    expect(h.desk.calls).toEqual([]);
    expect(h.sent()).toEqual([]);
  });

  it('tells staff in the thread when the desk could not take the reply', async () => {
    h.desk.failStaffReply = true;
    h.desk.add('t3', transcript, { slackChannel: HANDOFF_CHANNEL, slackThreadTs: '1700000000.000888' });
    await postSigned(h.server, threadReply('Ev25', '请稍等'));
    await h.channel.whenIdle();
    expect(h.api.callsOf('chat.postMessage')).toEqual([
      { channel: HANDOFF_CHANNEL, thread_ts: '1700000000.000888', text: '⚠️ 消息未能转达给用户，请稍后重试。' },
    ]);
  });
});
