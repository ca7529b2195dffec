import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionMemo, TransactionService } from '../../common/database';
import { DEFAULT_PROGRAMME_RULES, ProgrammeRuleKey, ProgrammeRules } from './programme-rules';
import { ProgrammeSetting } from './programme-setting.entity';
import { ProgrammeSettings, UpdateProgrammeSettingsInput } from './programme.types';
import { TransactionType } from '../transactions/transaction.enums';

/** The programme's numbers: stored settings over the defaults of DESIGN.md. */
@Injectable()
export class ProgrammeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
  ) {}

  /** Rules read inside a transaction, once per transaction: recording a sale needs them three times. */
  private readonly perTransaction = new TransactionMemo((manager) => this.load(manager));

  /** The rules in force (frozen: callers share them); within one transaction every caller shares one read. */
  rules(manager: EntityManager = this.dataSource.manager): Promise<ProgrammeRules> {
    return this.perTransaction.get(manager);
  }

  /** The rules last built, with the stored text they were built from: most reads find the settings unchanged. */
  private built?: { stored: string; rules: ProgrammeRules };

  private async load(manager: EntityManager): Promise<ProgrammeRules> {
    // The stored JSON text as it is: comparing it is cheaper than parsing and merging it again.
    const rows: { key: string; value: string }[] = await manager.query(
      'SELECT `key` AS `key`, `value` AS `value` FROM `programme_setting` ORDER BY `key`',
    );
    const stored = JSON.stringify(rows);
    if (this.built?.stored === stored) return this.built.rules;
    const rules = structuredClone(DEFAULT_PROGRAMME_RULES) as unknown as Record<string, unknown>;
    for (const row of rows) {
      if (!(row.key in rules)) continue;
      const value: unknown = JSON.parse(row.value);
      const base = rules[row.key];
      rules[row.key] = isPlainObject(base) && isPlainObject(value) ? { ...base, ...value } : value;
    }
    const built = deepFreeze(rules) as unknown as ProgrammeRules;
    this.built = { stored, rules: built };
    return built;
  }

  /** The rules as the admin shows them. */
  async settings(): Promise<ProgrammeSettings> {
    return toSettings(await this.rules());
  }

  /** Changes the settings given; a maintenance interval given in part keeps its other half. */
  async updateSettings(input: UpdateProgrammeSettingsInput): Promise<ProgrammeSettings> {
    const { earningRates, maintenanceIntervalKm, maintenanceIntervalMonths, ...plain } = input;
    const changes: Partial<ProgrammeRules> = { ...plain };
    if (earningRates)
      changes.earningRates = Object.fromEntries(earningRates.map((r) => [r.type, String(r.rate)])) as never;
    if (maintenanceIntervalKm !== undefined || maintenanceIntervalMonths !== undefined) {
      const current = (await this.rules()).maintenanceInterval;
      changes.maintenanceInterval = {
        km: maintenanceIntervalKm ?? current.km,
        months: maintenanceIntervalMonths ?? current.months,
      };
    }
    return toSettings(await this.update(changes));
  }

  /** Stores the given settings (each key replaced whole, tables merged over the current ones). */
  async update(changes: Partial<ProgrammeRules>, manager?: EntityManager): Promise<ProgrammeRules> {
    const work = async (m: EntityManager) => {
      for (const [key, value] of Object.entries(changes) as [ProgrammeRuleKey, unknown][]) {
        if (value === undefined) continue;
        const existing = await m.findOneBy(ProgrammeSetting, { key });
        if (existing) {
          existing.value =
            isPlainObject(existing.value) && isPlainObject(value) ? { ...existing.value, ...value } : value;
          await m.save(existing);
        } else {
          await m.save(m.create(ProgrammeSetting, { key, value }));
        }
      }
      this.perTransaction.forget(m);
      return this.rules(m);
    };
    return manager ? work(manager) : this.tx.run(work);
  }
}

/** Shared between callers, so nobody may change it. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toSettings(rules: ProgrammeRules): ProgrammeSettings {
  return {
    earningRates: Object.values(TransactionType).map((type) => ({
      type,
      rate: Number(rules.earningRates[type] ?? 0),
    })),
    pointsExpiryMonths: rules.pointsExpiryMonths,
    pointsPerYuan: rules.pointsPerYuan,
    birthdayPoints: rules.birthdayPoints,
    referralRewardPoints: rules.referralRewardPoints,
    referralYearlyCap: rules.referralYearlyCap,
    qualifyingWindowMonths: rules.qualifyingWindowMonths,
    tierReviewMonths: rules.tierReviewMonths,
    serviceVisitTypes: rules.serviceVisitTypes,
    codeTtlMinutes: rules.codeTtlMinutes,
    codeMaxAttempts: rules.codeMaxAttempts,
    activationLapseDays: rules.activationLapseDays,
    maintenanceIntervalKm: rules.maintenanceInterval.km,
    maintenanceIntervalMonths: rules.maintenanceInterval.months,
  };
}
