import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAFF, startHarness, type Harness } from './harness.ts';
import { commandBody, postSigned } from './fakes.ts';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  await h.close();
});

describe('/cert', () => {
  const form = { contentType: 'application/x-www-form-urlencoded' };

  it('shows staff the certificate with the last four ID characters only', async () => {
    const response = await postSigned(h.server, commandBody({ user_id: STAFF, user_name: 'staff', text: ' yj2021000123 ', trigger_id: 'trig-cert-1' }), form);
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('');
    await h.channel.whenIdle();
    expect(h.lookups).toEqual(['YJ2021000123']);
    expect(h.api.callsOf('chat.postEphemeral')).toEqual([
      {
        channel: 'C_GENERAL',
        user: STAFF,
        text: '证书 YJ2021000123: 李娜 · 一级建造师 2021',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: '证书 YJ2021000123' } },
          {
            type: 'section',
            fields: [
              { type: 'mrkdwn', text: '*持证人*\n李娜' },
              { type: 'mrkdwn', text: '*身份证号后四位*\n2347' },
              { type: 'mrkdwn', text: '*资格*\n一级建造师' },
              { type: 'mrkdwn', text: '*考试年份*\n2021' },
              { type: 'mrkdwn', text: '*发证机构*\n住房和城乡建设部' },
              { type: 'mrkdwn', text: '*状态*\n需先申请加注才能查看或下载' },
              { type: 'mrkdwn', text: '*加注次数（90 天内）*\n0/3' },
            ],
          },
        ],
      },
    ]);
    expect(JSON.stringify(h.api.calls)).not.toContain('310115198805122347');
  });

  it('politely refuses someone who is not staff, without a look-up', async () => {
    await postSigned(h.server, commandBody({ user_id: 'UOTHER', text: 'YJ2021000123', trigger_id: 'trig-cert-2' }), form);
    await h.channel.whenIdle();
    expect(h.lookups).toEqual([]);
    expect(h.api.callsOf('chat.postEphemeral')).toEqual([
      {
        channel: 'C_GENERAL',
        user: 'UOTHER',
        text: '抱歉，/cert 仅限证书服务工作人员使用。如需帮助，请联系管理员。',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '抱歉，/cert 仅限证书服务工作人员使用。如需帮助，请联系管理员。' } }],
      },
    ]);
  });

  it('says clearly when no certificate has that number, and explains usage when the number is missing', async () => {
    await postSigned(h.server, commandBody({ user_id: STAFF, text: 'XX0000000000', trigger_id: 'trig-cert-3' }), form);
    await postSigned(h.server, commandBody({ user_id: STAFF, text: '', trigger_id: 'trig-cert-4' }), form);
    await h.channel.whenIdle();
    expect(h.api.callsOf('chat.postEphemeral').map((call) => call['text'])).toEqual([
      '没有找到编号为 XX0000000000 的证书，请核对编号后重试。',
      '用法：/cert <证书编号>，例如 /cert YJ2021000123。',
    ]);
  });

  it('acknowledges the command before a slow look-up finishes', async () => {
    let release = () => {};
    h.lookupGate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const response = await postSigned(h.server, commandBody({ user_id: STAFF, text: 'YJ2021000123', trigger_id: 'trig-cert-5' }), form);
    expect(response.statusCode).toBe(200);
    expect(h.lookups).toEqual(['YJ2021000123']);
    expect(h.api.callsOf('chat.postEphemeral')).toEqual([]);
    release();
    await h.channel.whenIdle();
    expect(h.api.callsOf('chat.postEphemeral')).toHaveLength(1);
  });
});
