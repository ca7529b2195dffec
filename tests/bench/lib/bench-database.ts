import { countScaleRows, migrateAndSeedProgramme, seedScale } from '../../../seeds/scale';
import { databaseExists } from './database';

/**
 * The benchmark database: reused when BENCH_REUSE is set and it holds a complete scale seed of
 * `members` members (migrated to the current schema first), otherwise made anew by the scale seed
 * (seeds/scale: members, dealerships, vehicles, a year of transactions, points lots, cards, complaints).
 */
export async function prepareBenchDatabase(options: {
  url: string;
  members: number;
  reuse: boolean;
  log: (line: string) => void;
}): Promise<void> {
  const { url, members, log } = options;
  if (options.reuse && (await databaseExists(url))) {
    const counts = await countScaleRows(url).catch(() => null);
    if (counts?.complete && counts.members === members) {
      log(`Reusing ${url}: a complete scale seed of ${members.toLocaleString('en')} members${counts.jobsRan ? ' (the jobs ran on it before)' : ''}`);
      await migrateAndSeedProgramme(url);
      return;
    }
    log(`${url} does not hold a complete scale seed of ${members} members (${counts ? `${counts.members} members` : 'no seed'}): recreating it`);
  }
  log(`Seeding ${members.toLocaleString('en')} members into ${url} (npm run seed:scale)`);
  const result = await seedScale({ url, members, reset: true, log });
  log(`Seeded ${result.totalRows.toLocaleString('en')} rows in ${result.seconds.toFixed(0)} s (${Math.round(result.membersPerSecond).toLocaleString('en')} members/s)`);
}
