import { ModuleRef } from '@nestjs/core';
import { EntityManager } from 'typeorm';

export interface SeedContext {
  manager: EntityManager;
  /** Services of the application, so seeded business data goes through the same rules as live data. */
  moduleRef: ModuleRef;
}

/** One idempotent piece of seed data; `name` is recorded once applied and never run again. */
export interface SeedStep {
  name: string;
  run(context: SeedContext): Promise<string | void>;
}
