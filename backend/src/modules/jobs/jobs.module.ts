import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobLeaseService } from './job-lease.service';
import { JobLock } from './job-lock.entity';
import { JobRegistry } from './job-registry';
import { JobRun } from './job-run.entity';
import { JobsResolver } from './jobs.resolver';
import { JobsScheduler } from './jobs.scheduler';
import { JobsService } from './jobs.service';

/** The job platform; global so every feature module can register its jobs in the JobRegistry. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobRun, JobLock])],
  providers: [JobRegistry, JobLeaseService, JobsService, JobsScheduler, JobsResolver],
  exports: [JobRegistry, JobsService],
})
export class JobsModule {}
