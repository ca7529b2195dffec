import 'reflect-metadata';
import { Column, DataSource, Entity, EventSubscriber, EntitySubscriberInterface, In, InsertEvent } from 'typeorm';
import { BaseRecord } from '../entity/base.entity';
import { insertRecord, insertRecords } from './insert-record';
import { openScratchDatabase } from './scratch-database.testing';

@Entity()
class Sample extends BaseRecord {
  @Column({ type: 'varchar', length: 20 })
  name: string;

  @Column({ type: 'int', default: 7 })
  count: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'varchar', length: 20, nullable: true })
  note: string | null;
}

const seen: object[] = [];

@EventSubscriber()
class SampleSubscriber implements EntitySubscriberInterface<Sample> {
  listenTo() {
    return Sample;
  }
  afterInsert(event: InsertEvent<Sample>) {
    seen.push({ ...event.entity });
  }
}

/**
 * The entity columns follow DATABASE_URL (common/entity/columns), so the test runs on that database:
 * an in-memory SQLite file, or a throwaway database on the MySQL/MariaDB server, where the reload
 * insertRecord avoids would happen.
 */
describe('insertRecord', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, close } = await openScratchDatabase('insert', { entities: [Sample], subscribers: [SampleSubscriber] }));
  });
  afterAll(() => close?.());

  it('returns the entity as a reload would read it, with its id, timestamps and defaults, and runs the subscribers', async () => {
    const before = Date.now();
    const inserted = await insertRecord(dataSource.manager, dataSource.manager.create(Sample, { name: 'first' }));
    const stored = await dataSource.manager.findOneByOrFail(Sample, { id: inserted.id });

    expect(inserted.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(inserted.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect({ ...inserted }).toEqual({ ...stored });
    expect(stored).toMatchObject({ name: 'first', count: 7, active: true });
    expect(seen).toContainEqual(expect.objectContaining({ id: inserted.id, count: 7, createdAt: inserted.createdAt }));
  });

  it('keeps the values the entity was given', async () => {
    const inserted = await insertRecord(dataSource.manager, dataSource.manager.create(Sample, { name: 'second', count: 0, active: false }));
    expect(await dataSource.manager.findOneByOrFail(Sample, { id: inserted.id })).toMatchObject({ name: 'second', count: 0, active: false });
  });

  it('inside a transaction sends its compiled INSERT: the same row, listeners and subscribers run, unset nullable columns NULL', async () => {
    seen.length = 0;
    const inserted = await dataSource.transaction((manager) =>
      insertRecord(manager, manager.create(Sample, { name: 'third', count: 3 })),
    );
    const stored = await dataSource.manager.findOneByOrFail(Sample, { id: inserted.id });
    expect(inserted.id).toMatch(/^[0-9A-Z]{26}$/);
    expect({ ...inserted }).toEqual({ ...stored });
    expect(stored).toMatchObject({ name: 'third', count: 3, active: true, note: null });
    expect(seen).toEqual([expect.objectContaining({ id: inserted.id, name: 'third', note: null })]);
  });

  it('inside a transaction, a failed INSERT fails the transaction and leaves no row', async () => {
    const id = (await insertRecord(dataSource.manager, dataSource.manager.create(Sample, { name: 'taken' }))).id;
    await expect(
      dataSource.transaction(async (manager) => {
        await insertRecord(manager, manager.create(Sample, { name: 'before' }));
        await insertRecord(manager, manager.create(Sample, { id, name: 'duplicate' }));
      }),
    ).rejects.toThrow();
    expect(await dataSource.manager.countBy(Sample, { name: 'before' })).toBe(0);
  });

  it('inserts many in a transaction with multi-row INSERTs of 500: each as a reload reads it, subscribers run for each', async () => {
    seen.length = 0;
    const names = Array.from({ length: 1001 }, (_, i) => `many-${i}`);
    const queries: string[] = [];
    const inserted = await dataSource.transaction(async (manager) => {
      const query = manager.query.bind(manager);
      jest.spyOn(manager, 'query').mockImplementation((sql: string, parameters?: unknown[]) => {
        queries.push(sql);
        return query(sql, parameters);
      });
      return insertRecords(manager, names.map((name, i) => manager.create(Sample, { name, count: i })));
    });
    expect(queries).toHaveLength(3);
    const stored = await dataSource.manager.find(Sample, { where: { id: In(inserted.map((s) => s.id)) } });
    const byId = new Map(stored.map((s) => [s.id, s]));
    expect(stored).toHaveLength(1001);
    for (const entity of inserted) expect({ ...entity }).toEqual({ ...byId.get(entity.id) });
    expect(byId.get(inserted[1000].id)).toMatchObject({ name: 'many-1000', count: 1000, active: true, note: null });
    expect(seen).toHaveLength(1001);
  });
});
