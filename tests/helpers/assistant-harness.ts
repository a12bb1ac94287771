import { createAssistant, type Assistant } from '../../src/assistant.ts';
import { processDueAnnotations } from '../../src/certificates/annotation-worker.ts';
import { seedDemoData } from '../../src/certificates/demo-data.ts';
import { fixedClock } from '../../src/clock.ts';
import type { Channel, TurnResult } from '../../src/engine/types.ts';
import type { Database } from '../../src/storage/database.ts';

export const TEST_SECRETS = {
  idHashKey: 'test-id-hash-key-0123456789abcdef0123456789',
  downloadLinkKey: 'test-download-link-key-0123456789abcdef012345',
};

export interface AssistantHarness {
  database: Database;
  clock: ReturnType<typeof fixedClock>;
  assistant: Assistant;
  send(chatId: string, text: string, channel?: Channel): Promise<TurnResult>;
  /** A new assistant on the same database, as after a process restart. */
  restart(): void;
  runAnnotationWorker(): Promise<number>;
  close(): Promise<void>;
}

/** The real assistant (engine, service, stores) on a fresh database seeded with the demo data. */
export async function openAssistantHarness(open: () => Promise<Database>, start = new Date()): Promise<AssistantHarness> {
  const database = await open();
  const clock = fixedClock(start);
  await seedDemoData(database.prisma, { clock, idHashKey: TEST_SECRETS.idHashKey });
  const build = () => createAssistant({ database, secrets: TEST_SECRETS, clock, publicBaseUrl: 'https://certs.test' });
  const harness: AssistantHarness = {
    database,
    clock,
    assistant: build(),
    send: (chatId, text, channel = 'web') => harness.assistant.engine.handleTurn({ channel, chatId, text }),
    restart() {
      harness.assistant = build();
    },
    runAnnotationWorker: () => processDueAnnotations(database.prisma, clock),
    close: () => database.close(),
  };
  return harness;
}

/** Everything a person would see of a turn, flattened for "contains" checks. */
export function renderTurn(result: TurnResult): string {
  return result.replies
    .map((reply) =>
      [
        reply.text,
        ...(reply.buttons ?? []).map((button) => `[${button.label}|${button.value}]`),
        reply.link ? `(${reply.link.label} ${reply.link.url})` : '',
        ...(reply.card?.fields ?? []).map((field) => `${field.label}: ${field.value}`),
      ].join('\n'),
    )
    .join('\n---\n');
}
