import type { SeedStep } from '../../backend/src/modules/seeding/seed-step';

/**
 * The default programme every empty database receives (tiers, benefits, earning rates of
 * DESIGN.md). Each step is recorded once applied; its features arrive with their modules.
 */
export const programmeSteps: SeedStep[] = [];
