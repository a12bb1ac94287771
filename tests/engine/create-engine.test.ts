import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/create-engine.ts';
import type { TurnResult } from '../../src/engine/types.ts';
import { renderTurn } from '../helpers/assistant-harness.ts';
import { createMemoryEngineDeps } from '../helpers/memory-ports.ts';

const chat = { channel: 'web' as const, chatId: 'unit-1' };

describe('createEngine', () => {
  it('asks which certificate when a holder has several, and re-prompts precisely on a wrong choice', async () => {
    const { deps } = createMemoryEngineDeps();
    const engine = createEngine(deps);
    const say = (text: string) => engine.handleTurn({ ...chat, text });
    await say('查询证书状态');
    const choose = await say('吴刚 11010519491231002X');
    expect(renderTurn(choose)).toContain('您名下有多本证书');
    expect(choose.replies.at(-1)?.buttons?.map((button) => button.value)).toEqual(['1', '2']);
    const wrong = await say('3');
    expect(wrong.intent).toBe('flow');
    expect(renderTurn(wrong)).toContain('请回复 1 到 2 之间的序号');
    const chosen = await say('2');
    expect(renderTurn(chosen)).toContain('测试撤销原因');
  });

  it('runs the turn again when another instance saved the conversation first', async () => {
    const { deps, conversations } = createMemoryEngineDeps();
    let loads = 0;
    const racing = {
      load: async (address: typeof chat) => {
        loads += 1;
        const stored = await conversations.load(address);
        if (loads === 1) await conversations.save(address, { locale: 'zh-Hans', flow: null, misunderstood: 0, transcript: [] }, stored?.version ?? null);
        return stored;
      },
      save: conversations.save,
    };
    const engine = createEngine({ ...deps, conversations: racing });
    const result = await engine.handleTurn({ ...chat, text: '你好' });
    expect(result.intent).toBe('smalltalk');
    expect(loads).toBe(2);
    expect(conversations.rows.get('web:unit-1')?.version).toBe(2);
  });

  it('applies two messages of one chat arriving together one after the other', async () => {
    const { deps, conversations } = createMemoryEngineDeps();
    const engine = createEngine(deps);
    await Promise.all([engine.handleTurn({ ...chat, text: '查询证书状态' }), engine.handleTurn({ ...chat, text: '吴刚 11010519491231002X' })]);
    const state = conversations.rows.get('web:unit-1')?.state as { transcript: { from: string; text: string }[]; flow: { state: { step: string } } };
    expect(state.transcript.filter((line) => line.from === 'user').map((line) => line.text)).toEqual(['查询证书状态', '吴刚 11**************']);
    expect(state.flow.state.step).toBe('choose');
  });

  it('drops a saved flow of another version and says so', async () => {
    const { deps, conversations } = createMemoryEngineDeps();
    conversations.rows.set('web:unit-1', {
      version: 3,
      state: { locale: 'zh-Hans', flow: { id: 'status', version: 0, key: 'k', invalid: 0, state: { step: 'identity' } }, misunderstood: 0, transcript: [] },
    });
    const result = await createEngine(deps).handleTurn({ ...chat, text: '加注是什么意思' });
    expect(renderTurn(result)).toContain('办理流程已更新');
    expect(result.intent).toBe('faq:7');
    expect(conversations.rows.get('web:unit-1')?.state).toMatchObject({ flow: null });
  });

  it('answers with a sentence and changes nothing when a dependency fails', async () => {
    const { deps, conversations } = createMemoryEngineDeps();
    const engine = createEngine({
      ...deps,
      certificates: { ...deps.certificates, verifyHolder: () => Promise.reject(new Error('database gone')) },
    });
    await engine.handleTurn({ ...chat, text: 'check my certificate status' });
    const before = structuredClone(conversations.rows.get('web:unit-1'));
    const result: TurnResult = await engine.handleTurn({ ...chat, text: '吴刚 11010519491231002X' });
    expect(result.replies).toEqual([{ text: 'Sorry, something went wrong on our side and your request was not processed. Please try again later.' }]);
    expect(conversations.rows.get('web:unit-1')).toEqual(before);
  });

  it('keeps the ID number typed first only sealed, and never in the transcript', async () => {
    const { deps, conversations } = createMemoryEngineDeps();
    const engine = createEngine(deps);
    await engine.handleTurn({ ...chat, text: '下载证书' });
    const askName = await engine.handleTurn({ ...chat, text: '11010519491231002X' });
    expect(renderTurn(askName)).toContain('请再发送持证人姓名');
    expect(JSON.stringify(conversations.rows.get('web:unit-1'))).not.toContain('11010519491231002X');
    const done = await engine.handleTurn({ ...chat, text: '吴刚' });
    expect(renderTurn(done)).toContain('身份已验证：吴*');
  });

  it('answers an empty message without touching the conversation', async () => {
    const { deps, conversations } = createMemoryEngineDeps();
    const engine = createEngine(deps);
    await engine.handleTurn({ ...chat, text: '申请加注' });
    const before = conversations.rows.get('web:unit-1')?.state;
    const result = await engine.handleTurn({ ...chat, text: '   ' });
    expect(renderTurn(result)).toContain('请输入您的问题');
    expect(conversations.rows.get('web:unit-1')?.state).toEqual(before);
  });

  it('keeps an English conversation English when a FAQ button sends its Chinese action value', async () => {
    const { deps } = createMemoryEngineDeps();
    const engine = createEngine(deps);
    const answer = await engine.handleTurn({ ...chat, text: 'what is an annotation' });
    const action = answer.replies.flatMap((reply) => reply.buttons ?? []).find((button) => button.value === '申请加注');
    expect(action).toBeDefined();
    const pressed = await engine.handleTurn({ ...chat, text: action!.value });
    expect(pressed.intent).toBe('action:annotate');
    expect(pressed.locale).toBe('en');
    expect(renderTurn(pressed)).toContain('please verify your identity');
  });

  it('stays silent and forwards while staff hold the chat', async () => {
    const { deps, handoff, audit } = createMemoryEngineDeps();
    const engine = createEngine(deps);
    const opened = await engine.handleTurn({ ...chat, text: 'talk to a human' });
    expect(renderTurn(opened)).toContain('passed you to our support staff');
    expect(audit.map((entry) => entry.action)).toEqual(['open_handoff']);
    const held = await engine.handleTurn({ ...chat, text: 'hello? 11010519491231002X' });
    expect(held).toEqual({ intent: 'handoff', locale: 'en', replies: [] });
    expect(handoff.forwarded).toEqual(['hello? 11**************']);
  });

  it('gives the chat back to the bot when the candidate ends the handoff, telling staff in the ticket', async () => {
    const { deps, handoff } = createMemoryEngineDeps();
    const engine = createEngine(deps);
    await engine.handleTurn({ ...chat, text: '转人工' });
    const ended = await engine.handleTurn({ ...chat, text: '结束人工' });
    expect(renderTurn(ended)).toContain('已结束人工服务，现在由智能助手继续为您服务');
    expect(handoff.forwarded).toEqual(['（对方已结束人工服务，对话已交回智能助手）']);
    expect((await handoff.get('t1'))?.status).toBe('RESOLVED');
    const back = await engine.handleTurn({ ...chat, text: '加注是什么意思' });
    expect(back.intent).toBe('faq:7');
  });

  it('says honestly that no staff are available when no staff desk is configured, and opens no ticket', async () => {
    const { deps, handoff, audit } = createMemoryEngineDeps();
    const engine = createEngine({ ...deps, staffDeskAvailable: false });
    const asked = await engine.handleTurn({ ...chat, text: '转人工' });
    expect(renderTurn(asked)).toContain('目前没有人工客服在线');
    expect(await handoff.activeFor(chat)).toBeNull();
    expect(audit.map((entry) => entry.action)).toEqual(['handoff_unavailable']);
    const next = await engine.handleTurn({ ...chat, text: '加注是什么意思' });
    expect(next.intent).toBe('faq:7');
    expect(next.replies.length).toBeGreaterThan(0);
  });
});
