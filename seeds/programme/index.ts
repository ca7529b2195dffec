import { Benefit } from '../../backend/src/modules/benefits/benefit.entity';
import { DEFAULT_PROGRAMME_RULES } from '../../backend/src/modules/programme/programme-rules';
import { ProgrammeSetting } from '../../backend/src/modules/programme/programme-setting.entity';
import type { SeedStep } from '../../backend/src/modules/seeding/seed-step';
import { Tier } from '../../backend/src/modules/tiers/tier.entity';
import { DEFAULT_BENEFITS } from './benefits';
import { DEFAULT_TIERS } from './tiers';

/**
 * The default programme every empty database receives (tiers, earning rates and the other numbers
 * of DESIGN.md). Each step is recorded once applied; later features add their own steps.
 */
export const programmeSteps: SeedStep[] = [
  {
    name: 'programme:tiers',
    async run({ manager }) {
      if (await manager.count(Tier)) return 'tiers already configured';
      await manager.save(DEFAULT_TIERS.map((tier) => manager.create(Tier, tier)));
      return `${DEFAULT_TIERS.length} tiers`;
    },
  },
  {
    name: 'programme:rules',
    async run({ manager }) {
      const entries = Object.entries(DEFAULT_PROGRAMME_RULES);
      for (const [key, value] of entries) {
        if (!(await manager.existsBy(ProgrammeSetting, { key }))) await manager.save(manager.create(ProgrammeSetting, { key, value }));
      }
      return `${entries.length} programme settings`;
    },
  },
  {
    name: 'programme:benefits',
    async run({ manager }) {
      if (await manager.count(Benefit)) return 'benefits already configured';
      // Benefits name tiers by id: those of the default tier codes that this database holds.
      const tierIds = new Map((await manager.find(Tier)).map((tier) => [tier.code, tier.id]));
      const benefits = DEFAULT_BENEFITS.map(({ tiers, quotaByTier, ...benefit }) => {
        const present = tiers.filter((code) => tierIds.has(code));
        const quotas = Object.entries(quotaByTier ?? {}).filter(([code]) => present.includes(code));
        return manager.create(Benefit, {
          ...benefit,
          tierIds: present.map((code) => tierIds.get(code)!),
          quotaByTier: quotas.length ? Object.fromEntries(quotas.map(([code, quota]) => [tierIds.get(code)!, quota])) : null,
          active: true,
        });
      });
      await manager.save(benefits);
      return `${benefits.length} benefits`;
    },
  },
];
