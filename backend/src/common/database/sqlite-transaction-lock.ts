import { QueryRunner } from 'typeorm';

/**
 * better-sqlite3 gives TypeORM one shared connection, so two requests' transactions would nest as
 * savepoints of each other. This lock makes every top-level transaction on that connection wait
 * for the one before it to finish: SQLite writes are serial anyway, and this keeps them atomic.
 * Code inside a transaction must write through the manager it was given: a write through another
 * manager would wait for the lock its own transaction holds.
 */
let tail: Promise<void> = Promise.resolve();
const releases = new WeakMap<QueryRunner, () => void>();

type TransactionalRunner = QueryRunner & { transactionDepth?: number };

export function installSqliteTransactionLock(runnerPrototype: TransactionalRunner): void {
  const marker = runnerPrototype as unknown as { __transactionLock?: boolean };
  if (marker.__transactionLock) return;
  marker.__transactionLock = true;
  const start = runnerPrototype.startTransaction;
  const commit = runnerPrototype.commitTransaction;
  const rollback = runnerPrototype.rollbackTransaction;

  runnerPrototype.startTransaction = async function (this: TransactionalRunner, ...args) {
    if (!this.isTransactionActive) {
      let release!: () => void;
      const turn = new Promise<void>((resolve) => (release = resolve));
      const previous = tail;
      tail = previous.then(() => turn);
      await previous;
      releases.set(this, release);
    }
    return start.apply(this, args);
  };

  const finish = (original: typeof commit) =>
    async function (this: TransactionalRunner) {
      try {
        return await original.apply(this);
      } finally {
        if (!this.isTransactionActive) {
          releases.get(this)?.();
          releases.delete(this);
        }
      }
    };
  runnerPrototype.commitTransaction = finish(commit);
  runnerPrototype.rollbackTransaction = finish(rollback);
}
