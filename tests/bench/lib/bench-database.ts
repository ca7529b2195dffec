import { countScaleRows, generateScale, migrateAndSeedProgramme } from '../../../seeds/scale/generate';
import { databaseExists, dropAndCreateDatabase } from './database';

/**
 * The benchmark database: reused when BENCH_REUSE is set and it already holds `members` members
 * (migrated to the current schema first), otherwise made anew and filled by the scale generator.
 */
export async function prepareBenchDatabase(options: {
  url: string;
  members: number;
  reuse: boolean;
  log: (line: string) => void;
}): Promise<void> {
  const { url, members, log } = options;
  if (options.reuse && (await databaseExists(url))) {
    const counts = await countScaleRows(url).catch(() => ({ members: -1, vehicles: -1 }));
    if (counts.members === members) {
      log(`Reusing ${url}: ${members.toLocaleString('en')} members`);
      await migrateAndSeedProgramme(url);
      return;
    }
    log(`${url} holds ${counts.members} members, not ${members}: recreating it`);
  }
  await dropAndCreateDatabase(url);
  log(`Generating ${members.toLocaleString('en')} members into ${url}`);
  const started = performance.now();
  await generateScale({ url, count: members, log });
  log(`Seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
