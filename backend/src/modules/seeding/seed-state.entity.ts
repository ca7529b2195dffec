import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn } from '../../common/entity';

/** Which seed steps a database has received, so each runs once. */
@Entity('seed_state')
export class SeedState {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name: string;

  @DateTimeColumn()
  appliedAt: Date;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
