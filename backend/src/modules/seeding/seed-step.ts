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
  /**
   * The step commits its own work (e.g. it runs jobs, which take a lease and commit per chunk) instead
   * of running in one transaction; it is recorded as applied once it has finished.
   */
  ownTransactions?: boolean;
  run(context: SeedContext): Promise<string | void>;
}
