import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionService } from '../../common/database';
import { DEMO_LOGINS, demoSteps } from '../../../../seeds/demo';
import { programmeSteps } from '../../../../seeds/programme';
import { Dealership } from '../dealerships/dealership.entity';
import { StaffService } from '../staff/staff.service';
import { SeedState } from './seed-state.entity';
import { SeedStep } from './seed-step';

export interface SeedOptions {
  demoData: boolean;
  adminUsername?: string;
  adminPassword?: string;
}

/**
 * Fills a database at start-up: the default programme always (once per step), demo data only into
 * an empty database and only when asked, and the bootstrap administrator.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);
  private hints: string[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly staff: StaffService,
    private readonly tx: TransactionService,
  ) {}

  async seed(options: SeedOptions): Promise<void> {
    await this.apply(programmeSteps);
    if (options.demoData) {
      const empty = !(await this.dataSource.getRepository(Dealership).exist());
      const demoApplied = await this.dataSource.getRepository(SeedState).existsBy({ name: demoSteps[0].name });
      if (empty && !demoApplied) await this.apply(demoSteps);
      if (empty || demoApplied) {
        this.hints.push(...DEMO_LOGINS.map((l) => `Demo login    ${l.username} / ${l.password}  (${l.description})`));
      }
    }
    if (options.adminUsername && options.adminPassword) {
      await this.staff.ensureAdmin(options.adminUsername, options.adminPassword);
      this.hints.unshift(`Admin login   ${options.adminUsername} / (ADMIN_PASSWORD)`);
    }
  }

  /** Lines for the start-up banner: the logins a user can try. */
  loginHints(): string[] {
    return this.hints;
  }

  private async apply(steps: SeedStep[]) {
    const states = this.dataSource.getRepository(SeedState);
    for (const step of steps) {
      if (await states.existsBy({ name: step.name })) continue;
      const started = Date.now();
      // Services the step calls join its transaction (TransactionService), so a step is all or nothing.
      const note = step.ownTransactions
        ? await this.runAndRecord(step, this.dataSource.manager)
        : await this.tx.run((manager) => this.runAndRecord(step, manager));
      this.logger.log(`Seeded ${step.name} in ${Date.now() - started} ms${note ? `: ${note}` : ''}`);
    }
  }

  private async runAndRecord(step: SeedStep, manager: EntityManager): Promise<string | void> {
    const result = await step.run({ manager, moduleRef: this.moduleRef });
    await manager.insert(SeedState, { name: step.name, appliedAt: new Date(), note: result || null });
    return result;
  }
}
