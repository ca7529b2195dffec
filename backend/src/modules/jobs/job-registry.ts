import { Injectable } from '@nestjs/common';
import { JobHandler } from './job-handler';
import { JobName } from './job-name';

/** The jobs the running application knows; feature modules register theirs when they start. */
@Injectable()
export class JobRegistry {
  private readonly handlers = new Map<JobName, JobHandler>();

  register(handler: JobHandler): void {
    if (this.handlers.has(handler.name)) throw new Error(`Job ${handler.name} is registered twice`);
    this.handlers.set(handler.name, handler);
  }

  get(name: JobName): JobHandler | undefined {
    return this.handlers.get(name);
  }

  all(): JobHandler[] {
    return [...this.handlers.values()].sort((a, b) => a.name.localeCompare(b.name));
  }
}
