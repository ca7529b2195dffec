import 'reflect-metadata';
import { Column, DataSource, Entity } from 'typeorm';
import { BaseRecord } from '../entity/base.entity';
import { CalendarDateColumn, DateTimeColumn, DecimalColumn, JsonColumn, MoneyColumn } from '../entity/columns';
import { readEntities, readEntity, ReadWhere } from './entity-reader';
import { openScratchDatabase } from './scratch-database.testing';

@Entity()
class Reading extends BaseRecord {
  @Column({ type: 'varchar', length: 20 })
  name: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  note: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @MoneyColumn()
  amount: number;

  @DecimalColumn({ nullable: true })
  rate: string | null;

  @DateTimeColumn({ nullable: true })
  seenAt: Date | null;

  @CalendarDateColumn({ nullable: true })
  birthday: string | null;

  @JsonColumn({ nullable: true })
  tags: string[] | null;

  @Column({ type: 'varchar', length: 20, select: false, nullable: true })
  secret: string | null;
}

/** Runs on the database DATABASE_URL names (openScratchDatabase). */
describe('readEntities', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let rows: Reading[];

  beforeAll(async () => {
    ({ dataSource, close } = await openScratchDatabase('reader', { entities: [Reading] }));
    const repository = dataSource.getRepository(Reading);
    rows = await repository.save([
      repository.create({ name: 'b', amount: 12_345, rate: '1.50', seenAt: new Date('2026-11-01T08:30:00.123Z'), birthday: '1990-02-28', tags: ['vip'], secret: 's' }),
      repository.create({ name: 'a', note: 'tab\there', active: false, amount: 0, tags: null }),
      repository.create({ name: 'c', amount: -5, birthday: '2000-12-31' }),
    ]);
  });
  afterAll(() => close?.());

  it('hydrates every selectable column exactly as find does, as instances of the entity', async () => {
    const ids = rows.map((r) => r.id);
    const found = await dataSource.manager.find(Reading, { order: { name: 'ASC' } });
    const read = await readEntities(dataSource.manager, Reading, { id: ids }, { orderBy: ['name'] });
    expect(read.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    expect(read.every((r) => r instanceof Reading)).toBe(true);
    expect(read.map((r) => ({ ...r }))).toEqual(found.map((r) => ({ ...r })));
    expect(read[1]).toMatchObject({ amount: 12_345, seenAt: new Date('2026-11-01T08:30:00.123Z'), birthday: '1990-02-28', tags: ['vip'], active: true });
    expect(read[0]).toMatchObject({ note: 'tab\there', active: false, tags: null, seenAt: null });
    expect(read[1]).not.toHaveProperty('secret');
  });

  it('combines equality conditions, booleans included, and answers an empty IN list with nothing', async () => {
    expect((await readEntities(dataSource.manager, Reading, { name: 'a', active: false })).map((r) => r.name)).toEqual(['a']);
    expect(await readEntities(dataSource.manager, Reading, { name: 'a', active: true })).toEqual([]);
    expect(await readEntities(dataSource.manager, Reading, { id: [] })).toEqual([]);
    expect(await readEntity(dataSource.manager, Reading, { id: 'missing' })).toBeNull();
  });

  it('bounds columns by ranges, dates compared to the millisecond as stored', async () => {
    const seen = new Date('2026-11-01T08:30:00.123Z');
    const names = async (where: ReadWhere<Reading>) =>
      (await readEntities(dataSource.manager, Reading, where, { orderBy: ['name'] })).map((r) => r.name);
    expect(await names({ seenAt: { '<=': seen } })).toEqual(['b']);
    expect(await names({ seenAt: { '<': seen } })).toEqual([]);
    expect(await names({ seenAt: { '>': new Date(seen.getTime() - 1), '<': new Date(seen.getTime() + 1) } })).toEqual(['b']);
    expect(await names({ amount: { '>=': 0 }, active: true })).toEqual(['b']);
    expect(await names({ amount: { '<': 12_345 } })).toEqual(['a', 'c']);
    await expect(readEntities(dataSource.manager, Reading, { amount: { '!=': 1 } as never })).rejects.toThrow(/Unknown range operator/);
  });

  it('refuses a condition on a column it does not select', async () => {
    await expect(readEntities(dataSource.manager, Reading, { secret: 's' })).rejects.toThrow(/no selectable column secret/);
  });
});
