import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional } from 'class-validator';
import { PageOf, SortOrder } from '../../common/list';
import { JobName, JobRunStatus } from './job-name';
import { JobRun } from './job-run.entity';

@ObjectType()
export class JobRunPage extends PageOf(JobRun) {}

@ObjectType({ description: 'A scheduled job, its schedule and its last run.' })
export class JobInfo {
  @Field(() => JobName)
  name: JobName;

  @Field({ description: 'Cron expression, in the programme time zone.' })
  schedule: string;

  @Field({ description: 'What the job does.' })
  description: string;

  @Field({ description: 'False when schedules are switched off (JOBS_ENABLED=false); runJob still works.' })
  enabled: boolean;

  @Field(() => Date, { nullable: true })
  nextRunAt: Date | null;

  @Field(() => JobRun, { nullable: true })
  lastRun: JobRun | null;
}

@InputType()
export class RunJobInput {
  @Field(() => JobName)
  @IsEnum(JobName)
  job: JobName;

  @Field({ nullable: true, description: 'Run as if the clock read this instant (default: now).' })
  @IsOptional()
  @IsDate()
  asOf?: Date;
}

@InputType()
export class JobRunFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];

  @Field(() => JobName, { nullable: true })
  job?: JobName;

  @Field(() => JobRunStatus, { nullable: true })
  status?: JobRunStatus;
}

export enum JobRunSortField {
  STARTED_AT = 'STARTED_AT',
}
registerEnumType(JobRunSortField, { name: 'JobRunSortField' });

@InputType()
export class JobRunSort {
  @Field(() => JobRunSortField)
  field: JobRunSortField;

  @Field(() => SortOrder)
  order: SortOrder;
}
