import 'reflect-metadata';
import { Column, DataSource, Entity, EventSubscriber, EntitySubscriberInterface, InsertEvent } from 'typeorm';
import { BaseRecord } from '../entity/base.entity';
import { insertRecord } from './insert-record';

@Entity()
class Sample extends BaseRecord {
  @Column({ type: 'varchar', length: 20 })
  name: string;

  @Column({ type: 'int', default: 7 })
  count: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
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

describe('insertRecord', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Sample], subscribers: [SampleSubscriber], synchronize: true }).initialize();
  });
  afterAll(() => dataSource.destroy());

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
});
