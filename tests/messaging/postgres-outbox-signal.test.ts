import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalOutboxSignal } from '../../src/messaging/local-outbox-signal.ts';
import { createPostgresOutboxListener } from '../../src/messaging/postgres-outbox-signal.ts';
import { createPrismaOutbox } from '../../src/messaging/prisma-outbox.ts';
import type { Database } from '../../src/storage/database.ts';
import { testDatabases } from '../helpers/test-databases.ts';

const postgres = testDatabases().filter((database) => database.name === 'postgres');

describe.runIf(postgres.length > 0)('outbox rows announced across instances (PostgreSQL)', () => {
  let database: Database;
  let url: string;
  beforeAll(async () => {
    database = await postgres[0]!.open();
    const rows = await database.prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    const server = new URL(process.env.TEST_DATABASE_URL ?? '');
    server.pathname = `/${rows[0]?.name ?? ''}`;
    url = server.toString();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('wakes another instance’s signal when a row is committed', async () => {
    const otherInstance = createLocalOutboxSignal();
    const heard = new Promise<string>((resolve) => otherInstance.onMessage((address, id) => resolve(`${address.channel}:${address.chatId}:${id > 0n}`)));
    const listener = createPostgresOutboxListener({ databaseUrl: url, signal: otherInstance });
    await listener.start();
    try {
      await createPrismaOutbox(database.prisma, createLocalOutboxSignal()).enqueue({ address: { channel: 'web', chatId: 'far-away' }, payload: { kind: 'replies', replies: [{ text: 'hi' }] } });
      expect(await heard).toBe('web:far-away:true');
    } finally {
      await listener.stop();
    }
  });
});
