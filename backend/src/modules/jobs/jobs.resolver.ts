import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, StaffRole } from '../../common/auth';
import { PageInput } from '../../common/list';
import { JobRun } from './job-run.entity';
import { JobRegistry } from './job-registry';
import { JobsScheduler } from './jobs.scheduler';
import { JobsService } from './jobs.service';
import { JobInfo, JobRunFilter, JobRunPage, JobRunSort, RunJobInput } from './jobs.types';

@Resolver()
export class JobsResolver {
  constructor(
    private readonly service: JobsService,
    private readonly registry: JobRegistry,
    private readonly scheduler: JobsScheduler,
  ) {}

  @Query(() => [JobInfo], { description: 'The scheduled jobs, their schedules and last runs.' })
  @Access({ roles: [StaffRole.ADMIN] })
  async jobs(): Promise<JobInfo[]> {
    return Promise.all(
      this.registry.all().map(async (handler) => {
        const nextRunAt = this.scheduler.nextRunAt(handler.name);
        return {
          name: handler.name,
          schedule: handler.schedule,
          description: handler.description,
          enabled: nextRunAt !== null,
          nextRunAt,
          lastRun: await this.service.lastRun(handler.name),
        };
      }),
    );
  }

  @Query(() => JobRunPage)
  @Access({ roles: [StaffRole.ADMIN] })
  jobRuns(
    @Args('filter', { nullable: true }) filter?: JobRunFilter,
    @Args('sort', { type: () => [JobRunSort], nullable: true }) sort?: JobRunSort[],
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.service.listRuns({ filter, sort, page });
  }

  @Mutation(() => JobRun, { description: 'Runs a job now, as of `asOf`; SKIPPED when another run holds its lease.' })
  @Access({ roles: [StaffRole.ADMIN] })
  runJob(@Args('input') input: RunJobInput) {
    return this.service.run(input.job, { asOf: input.asOf });
  }
}
