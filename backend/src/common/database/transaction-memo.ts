import type { EntityManager } from 'typeorm';

/**
 * A value read at most once per database transaction and shared by every caller inside it (the
 * programme settings, the tier table: recording a sale needs them several times); outside a
 * transaction each call reads afresh. Call `forget` when the transaction writes what it was read from.
 */
export class TransactionMemo<T> {
  private readonly values = new WeakMap<EntityManager, Promise<T>>();

  constructor(private readonly read: (manager: EntityManager) => Promise<T>) {}

  get(manager: EntityManager): Promise<T> {
    if (!manager.queryRunner?.isTransactionActive) return this.read(manager);
    let value = this.values.get(manager);
    if (!value) {
      value = this.read(manager);
      this.values.set(manager, value);
    }
    return value;
  }

  forget(manager: EntityManager): void {
    this.values.delete(manager);
  }
}
