import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, TurnResult } from '../../src/engine/types.ts';
import { DEMO_HOLDERS } from '../../src/certificates/demo-data.ts';
import { openAssistantHarness, renderTurn, type AssistantHarness } from '../helpers/assistant-harness.ts';
import { testDatabases } from '../helpers/test-databases.ts';
import { parseTranscript, type Transcript } from './transcript.ts';

const directory = new URL('./stories/', import.meta.url);
const stories = readdirSync(directory)
  .filter((file) => file.endsWith('.transcript'))
  .sort()
  .map((file) => ({ name: file.replace(/\.transcript$/, ''), transcript: parseTranscript(readFileSync(new URL(file, directory), 'utf8')) }));
const DAY_UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
const ID_NUMBERS = [...DEMO_HOLDERS.map((holder) => holder.idNumber), '350102199001011238'];

async function play(harness: AssistantHarness, chatId: string, transcript: Transcript): Promise<void> {
  const channel = transcript.channel as Channel;
  let last: TurnResult | null = null;
  for (const step of transcript.steps) {
    const where = `${chatId} line ${step.line}`;
    switch (step.kind) {
      case 'say':
        last = await harness.send(chatId, step.text, channel);
        break;
      case 'press': {
        const button = last?.replies.flatMap((reply) => reply.buttons ?? []).find((candidate) => candidate.label.includes(step.label));
        expect(button, `${where}: no button "${step.label}" in\n${last ? renderTurn(last) : '(no turn)'}`).toBeDefined();
        last = await harness.send(chatId, button!.value, channel);
        break;
      }
      case 'expect':
        expect(renderTurn(last!), where).toContain(step.fragment);
        break;
      case 'reject':
        expect(renderTurn(last!), where).not.toContain(step.fragment);
        break;
      case 'intent':
        expect(last?.intent, where).toBe(step.intent);
        break;
      case 'silent':
        expect(last?.replies, where).toEqual([]);
        break;
      case 'outbox': {
        const rows = await harness.assistant.outboxReader.listForChat({ channel, chatId }, 0n, 100);
        expect(JSON.stringify(rows.map((row) => row.payload)), where).toContain(step.fragment);
        break;
      }
      case 'do':
        await act(harness, chatId, channel, step.action, step.args);
        break;
    }
    if (last) {
      for (const button of last.replies.flatMap((reply) => reply.buttons ?? [])) {
        expect(Buffer.byteLength(button.value, 'utf8'), `${where}: button value "${button.value}"`).toBeLessThanOrEqual(64);
      }
    }
  }
}

async function act(harness: AssistantHarness, chatId: string, channel: Channel, action: string, args: string[]): Promise<void> {
  const staff = { kind: 'staff' as const, id: 'test:staff' };
  switch (action) {
    case 'advance': {
      const match = /^([0-9]+)([mhd])$/.exec(args[0] ?? '');
      if (!match) throw new Error(`advance needs e.g. 61m, 25h, 31d (got ${args[0]})`);
      harness.clock.advance(Number(match[1]) * (DAY_UNITS[match[2]!] ?? 0));
      return;
    }
    case 'restart':
      harness.restart();
      return;
    case 'annotations':
      await harness.runAnnotationWorker();
      return;
    case 'batch-online':
      await harness.assistant.certificates.setBatchState({ qualification: args[0] ?? '', examYear: Number(args[1]), state: 'ONLINE' }, staff);
      await harness.assistant.notifications.processOnce();
      return;
    case 'staff-reply':
    case 'staff-resolve': {
      const ticket = await harness.assistant.handoff.activeFor({ channel, chatId });
      if (!ticket) throw new Error(`${chatId}: no open ticket`);
      if (action === 'staff-reply') await harness.assistant.handoff.staffReply(ticket.id, args.join(' '), '小李');
      else await harness.assistant.handoff.resolve(ticket.id, '小李');
      return;
    }
    default:
      throw new Error(`unknown action ${action}`);
  }
}

async function assertNoIdNumbersStored(harness: AssistantHarness): Promise<void> {
  const { prisma } = harness.database;
  const dumps = await Promise.all([
    prisma.conversation.findMany(),
    prisma.auditLog.findMany(),
    prisma.outboxMessage.findMany(),
    prisma.handoffTicket.findMany(),
  ]);
  const text = JSON.stringify(dumps, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  for (const idNumber of ID_NUMBERS) expect(text).not.toContain(idNumber);
}

describe.each(testDatabases())('conversation stories on $name', ({ open }) => {
  let shared: AssistantHarness;
  beforeAll(async () => {
    shared = await openAssistantHarness(open);
  });
  afterAll(async () => {
    if (shared) await assertNoIdNumbersStored(shared);
    await shared?.close();
  });

  for (const { name, transcript } of stories) {
    it(name, async () => {
      if (!transcript.isolated) {
        await play(shared, name, transcript);
        return;
      }
      const own = await openAssistantHarness(open);
      try {
        await play(own, name, transcript);
        await assertNoIdNumbersStored(own);
        if (name === 'lockout') expect(await own.database.prisma.auditLog.count({ where: { action: 'lock_verification' } })).toBe(1);
      } finally {
        await own.close();
      }
    });
  }

  it('leaves every action of the stories above in the audit log', async () => {
    const actions = new Set((await shared.database.prisma.auditLog.findMany({ select: { action: true } })).map((row) => row.action));
    for (const action of ['verify_holder', 'view_status', 'create_download_link', 'request_annotation', 'subscribe', 'open_handoff']) {
      expect(actions, action).toContain(action);
    }
  });
});
