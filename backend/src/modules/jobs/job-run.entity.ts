import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord, DateTimeColumn } from '../../common/entity';
import { JobName, JobRunStatus } from './job-name';

@ObjectType({ description: 'One run of a scheduled job, with what it did.' })
@Entity('job_run')
@Index(['job', 'startedAt'])
export class JobRun extends BaseRecord {
  @Field(() => JobName)
  @Column({ type: 'varchar', length: 40 })
  job: JobName;

  @Field(() => JobRunStatus)
  @Column({ type: 'varchar', length: 20 })
  status: JobRunStatus;

  @Field({ description: 'The instant the run acted as of: the clock it read.' })
  @DateTimeColumn()
  asOf: Date;

  @Field()
  @DateTimeColumn()
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  @DateTimeColumn({ nullable: true })
  finishedAt: Date | null;

  @Field(() => Int, { description: 'Records examined.' })
  @Column({ type: 'integer', default: 0 })
  processed: number;

  @Field(() => Int, { description: 'Records changed or messages queued.' })
  @Column({ type: 'integer', default: 0 })
  affected: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Field(() => String, { nullable: true, description: 'The API replica that ran it.' })
  @Column({ type: 'varchar', length: 120, nullable: true })
  instance: string | null;

  /** Manual runs come from `runJob`; scheduled ones from the schedule. */
  @Column({ type: 'varchar', length: 20, default: 'SCHEDULE' })
  trigger: 'SCHEDULE' | 'MANUAL';
}
