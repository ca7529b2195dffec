import 'reflect-metadata';
import { Column, DataSource, Entity } from 'typeorm';
import { StaffRole } from '../../common/auth';
import { requestContext } from '../../common/context/request-context';
import { insertRecord } from '../../common/database/insert-record';
import { openScratchDatabase } from '../../common/database/scratch-database.testing';
import { BaseRecord } from '../../common/entity/base.entity';
import { AuditLog } from './audit-log.entity';
import { AuditSubscriber } from './audit.subscriber';

@Entity()
class Widget extends BaseRecord {
  @Column({ type: 'varchar', length: 20 })
  name: string;
}

const STAFF = { id: 'S1', username: 'admin', name: 'Administrator', role: StaffRole.ADMIN, dealershipId: null };

/** Runs `work` as a staff user's `operation`, as a request would, counting the audit INSERTs sent. */
async function asStaff<T>(dataSource: DataSource, operation: string, work: () => Promise<T>) {
  const statements: string[] = [];
  const original = dataSource.driver.createQueryRunner.bind(dataSource.driver);
  const spy = jest.spyOn(dataSource.driver, 'createQueryRunner').mockImplementation((mode) => {
    const runner = original(mode);
    const query = runner.query.bind(runner);
    runner.query = ((sql: string, ...rest: unknown[]) => {
      statements.push(sql);
      return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as typeof runner.query;
    return runner;
  });
  try {
    const result = await requestContext.run({ requestId: 'r', principal: { staff: STAFF }, operation }, work);
    return { result, auditInserts: statements.filter((s) => /^INSERT INTO\W+audit_log/.test(s)).length };
  } finally {
    spy.mockRestore();
  }
}

/** The entity columns follow DATABASE_URL (common/entity/columns), so this runs on that database. */
describe('AuditSubscriber', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  const logsOf = (action: string) => dataSource.manager.find(AuditLog, { where: { action }, order: { id: 'ASC' } });

  beforeAll(async () => {
    ({ dataSource, close } = await openScratchDatabase('audit', { entities: [Widget, AuditLog], subscribers: [AuditSubscriber] }));
  });
  afterAll(() => close?.());

  it("writes a transaction's records with one INSERT at commit, stamped when each write happened", async () => {
    const { result: widgets, auditInserts } = await asStaff(dataSource, 'makeThree', () =>
      dataSource.transaction(async (manager) => {
        const made: Widget[] = [];
        for (const name of ['a', 'b', 'c']) {
          made.push(await insertRecord(manager, manager.create(Widget, { name })));
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return made;
      }),
    );
    expect(auditInserts).toBe(1);
    const logs = await logsOf('makeThree');
    expect(logs.map((l) => l.entityId)).toEqual(widgets.map((w) => w.id));
    expect(logs[0]).toMatchObject({ actorType: 'STAFF', actorId: 'S1', actorName: 'Administrator', entityType: 'Widget', before: null });
    expect(logs[2].after).toMatchObject({ name: 'c' });
    // Each record carries the moment of its write, not of the commit.
    expect(logs[2].createdAt.getTime() - logs[0].createdAt.getTime()).toBeGreaterThanOrEqual(8);
  });

  it('writes no record for a transaction that rolls back', async () => {
    await expect(
      asStaff(dataSource, 'makeThenFail', () =>
        dataSource.transaction(async (manager) => {
          await insertRecord(manager, manager.create(Widget, { name: 'doomed' }));
          throw new Error('refused');
        }),
      ),
    ).rejects.toThrow('refused');
    expect(await logsOf('makeThenFail')).toEqual([]);
    expect(await dataSource.manager.countBy(Widget, { name: 'doomed' })).toBe(0);
  });

  it("keeps the enclosing transaction's records when a savepoint inside it rolls back", async () => {
    await asStaff(dataSource, 'nested', () =>
      dataSource.transaction(async (manager) => {
        await insertRecord(manager, manager.create(Widget, { name: 'outer' }));
        await expect(
          manager.transaction(async (inner) => {
            await insertRecord(inner, inner.create(Widget, { name: 'inner' }));
            throw new Error('inner refused');
          }),
        ).rejects.toThrow('inner refused');
        await insertRecord(manager, manager.create(Widget, { name: 'after' }));
      }),
    );
    const logs = await logsOf('nested');
    expect(logs.map((l) => (l.after as { name: string }).name)).toEqual(['outer', 'after']);
  });

  it('writes the record at once for a write outside a transaction', async () => {
    const { result: widget } = await asStaff(dataSource, 'makeOne', () =>
      insertRecord(dataSource.manager, dataSource.manager.create(Widget, { name: 'single' })),
    );
    expect((await logsOf('makeOne')).map((l) => l.entityId)).toEqual([widget.id]);
  });

  it('records nothing for system work (jobs, seeds)', async () => {
    const before = await dataSource.manager.count(AuditLog);
    await requestContext.run({ requestId: 'job' }, () =>
      dataSource.transaction((manager) => insertRecord(manager, manager.create(Widget, { name: 'by-job' }))),
    );
    expect(await dataSource.manager.countBy(Widget, { name: 'by-job' })).toBe(1);
    expect(await dataSource.manager.count(AuditLog)).toBe(before);
  });
});
