import {
  EntitySubscriberInterface,
  EventSubscriber,
  InsertEvent,
  QueryRunner,
  RemoveEvent,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
  UpdateEvent,
} from 'typeorm';
import { actorOf, ActorType } from '../../common/auth';
import { requestContext } from '../../common/context/request-context';
import { insertRecord, insertRecords } from '../../common/database/insert-record';
import { newId } from '../../common/entity';
import { AuditLog } from './audit-log.entity';

/** Properties never copied into the audit trail. */
const REDACTED = new Set(['passwordHash', 'keyHash', 'idNumberEncrypted', 'codeHash']);

function snapshot(entity: object | undefined | null): Record<string, unknown> | null {
  if (!entity) return null;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (typeof value === 'function' || (value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value))) continue;
    out[key] = REDACTED.has(key) ? '[redacted]' : value;
  }
  return out;
}

/**
 * The one audit hook: every entity written while a staff user or an API client is being served
 * gets an audit record (operation, entity, before and after), in the same transaction as the write.
 *
 * Inside a transaction the records wait and go in with one multi-row INSERT just before it commits
 * (or a savepoint is released or opened), instead of one round trip after each write: a
 * `recordTransaction` writes three audited rows. A rollback drops the waiting records with the
 * writes they describe.
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  /** Records waiting for their transaction's commit, per connection (query runner). */
  private readonly pending = new WeakMap<QueryRunner, AuditLog[]>();

  beforeTransactionStart(event: TransactionStartEvent) {
    // Records so far belong to the enclosing scope: a savepoint's rollback must not drop them.
    return this.flush(event.queryRunner);
  }

  beforeTransactionCommit(event: TransactionCommitEvent) {
    return this.flush(event.queryRunner);
  }

  afterTransactionRollback(event: TransactionRollbackEvent) {
    this.pending.delete(event.queryRunner);
  }

  afterInsert(event: InsertEvent<object>) {
    return this.record(event, null, event.entity);
  }

  afterUpdate(event: UpdateEvent<object>) {
    return this.record(event, event.databaseEntity, event.entity as object);
  }

  afterRemove(event: RemoveEvent<object>) {
    const before = event.databaseEntity ?? event.entity;
    return this.record(event, before, null, event.entityId as string | undefined);
  }

  private async record(
    event: InsertEvent<object> | UpdateEvent<object> | RemoveEvent<object>,
    before: object | null | undefined,
    after: object | null | undefined,
    removedId?: string,
  ) {
    if (event.metadata.target === AuditLog) return;
    const context = requestContext.current();
    const actor = actorOf(context?.principal);
    if (actor.type === ActorType.SYSTEM || !context?.operation) return;
    const beforeSnapshot = snapshot(before);
    const afterSnapshot = snapshot(after ? { ...(before ?? {}), ...after } : null);
    const entityId = (afterSnapshot?.id ?? beforeSnapshot?.id ?? removedId ?? null) as string | null;
    // Stamped now, not when a waiting record is flushed.
    const now = new Date();
    const log = Object.assign(new AuditLog(), {
      id: newId(),
      createdAt: now,
      updatedAt: now,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      action: context.operation,
      entityType: event.metadata.name,
      entityId,
      before: beforeSnapshot,
      after: afterSnapshot,
    });
    const queryRunner = event.queryRunner;
    if (!queryRunner.isTransactionActive) {
      await insertRecord(event.manager, log);
      return;
    }
    const waiting = this.pending.get(queryRunner);
    if (waiting) waiting.push(log);
    else this.pending.set(queryRunner, [log]);
  }

  private async flush(queryRunner: QueryRunner): Promise<void> {
    const waiting = this.pending.get(queryRunner);
    if (!waiting?.length) return;
    this.pending.delete(queryRunner);
    await insertRecords(queryRunner.manager, waiting);
  }
}
