import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, JsonColumn } from '../../common/entity';

/** One number (or table of numbers) of the programme, by key; see `ProgrammeRules`. */
@Entity('programme_setting')
export class ProgrammeSetting extends BaseRecord {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  key: string;

  @JsonColumn()
  value: unknown;
}
