import type { SqlDriverAdapter, SqlDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';

/** How many SQL statements went to the database through a counted adapter. */
export interface StatementCounter {
  count: number;
  /** Sees each statement's SQL text (for finding where a turn's round trips go). */
  onStatement?: (sql: string) => void;
}

/**
 * Wraps a Prisma driver adapter factory so every statement sent to the database is counted:
 * queries and commands on the connection and inside transactions, plus one for the BEGIN that
 * `startTransaction` sends itself (COMMIT and ROLLBACK arrive as commands on the transaction).
 */
export function countingAdapter(factory: SqlDriverAdapterFactory, counter: StatementCounter): SqlDriverAdapterFactory {
  return intercept(factory, {
    connect: (target) => async () => wrapAdapter(await target.connect(), counter),
  });
}

function wrapAdapter(adapter: SqlDriverAdapter, counter: StatementCounter): SqlDriverAdapter {
  return intercept(adapter, {
    queryRaw: (target) => (query: Parameters<SqlDriverAdapter['queryRaw']>[0]) => {
      counter.count += 1;
      counter.onStatement?.(query.sql);
      return target.queryRaw(query);
    },
    executeRaw: (target) => (query: Parameters<SqlDriverAdapter['executeRaw']>[0]) => {
      counter.count += 1;
      counter.onStatement?.(query.sql);
      return target.executeRaw(query);
    },
    startTransaction: (target) => async (isolationLevel?: Parameters<SqlDriverAdapter['startTransaction']>[0]) => {
      counter.count += 1;
      counter.onStatement?.('BEGIN');
      return wrapTransaction(await target.startTransaction(isolationLevel), counter);
    },
  });
}

function wrapTransaction(transaction: Transaction, counter: StatementCounter): Transaction {
  return intercept(transaction, {
    queryRaw: (target) => (query: Parameters<Transaction['queryRaw']>[0]) => {
      counter.count += 1;
      counter.onStatement?.(query.sql);
      return target.queryRaw(query);
    },
    executeRaw: (target) => (query: Parameters<Transaction['executeRaw']>[0]) => {
      counter.count += 1;
      counter.onStatement?.(query.sql);
      return target.executeRaw(query);
    },
  });
}

type Overrides<T> = Partial<Record<keyof T, (target: T) => unknown>>;

/** A proxy that answers the named properties itself and binds every other method to the target (classes with private fields need that). */
function intercept<T extends object>(target: T, overrides: Overrides<T>): T {
  const own = overrides as Record<PropertyKey, ((target: T) => unknown) | undefined>;
  return new Proxy(target, {
    get(object, property) {
      const override = own[property];
      if (override) return override(object);
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}
