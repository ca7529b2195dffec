/**
 * Scale data for benchmarks: N members with proportionate dealerships and staff, ~1.2 vehicles per
 * member, a year of transactions with their points entries and lots, tier moves, stored-value and
 * count cards with their entries, and complaints with their timelines. Rows are generated in JS
 * from a seeded PRNG (the same N and anchor give the same data) member by member, and streamed to
 * MariaDB/MySQL chunk by chunk, one `LOAD DATA LOCAL INFILE` statement and connection per table for
 * the whole seed (streamed-load.ts), the next chunk being generated while the last one loads
 * (memory stays flat).
 *
 *   npm run seed:scale -- --members 1000000 [--url mysql://root@127.0.0.1:3306/dl_scale] [--anchor 2026-03-02] [--reset]
 *
 * The database is created if missing, migrated and given the default programme, and must hold no
 * members (`--reset` drops and recreates it). History ends the day before the anchor.
 */
import { Connection } from 'mysql2/promise';
import { fromZonedTime } from 'date-fns-tz';
import { DEFAULT_PROGRAMME_RULES } from '../../backend/src/modules/programme/programme-rules';
import { hashPassword } from '../../backend/src/modules/staff/password';
import { addDaysToDate } from '../../backend/src/common/time/calendar';
import { CITIES, MODELS } from './catalogue';
import { addIndexes, dropIndexes, ensureDatabase, loadRows, openLoader, bulkTableIndexes } from './database';
import { StreamedLoad } from './streamed-load';
import { HistoryContext, MemberHistory, newSequences, ScaleDealership, ScaleTier } from './history';
import { scaleId } from './ids';
import { ScaleTableName, ScaleTables, scaleTables } from './tables';
import { sqlDateTime } from './tsv';

/** The default anchor: fixed, so that benchmark data and the jobs' `asOf` values are reproducible. */
export const DEFAULT_SCALE_ANCHOR = '2026-03-02';
/** The password of every generated staff user (`scale.<dealership code>.<n>`). */
export const SCALE_STAFF_PASSWORD = 'Scale12345';
const SEED_STATE = 'scale:data';
const MEMBERS_PER_CHUNK = 2_000;

export interface ScaleOptions {
  /** mysql:// or mariadb:// URL; the database is created when missing. */
  url: string;
  members: number;
  /** 'YYYY-MM-DD' (programme time zone); history ends the day before. Default DEFAULT_SCALE_ANCHOR. */
  anchor?: string;
  /** Drop and recreate the database first. */
  reset?: boolean;
  /** Migrate and seed the default programme first (default true; false when the app already did). */
  migrate?: boolean;
  log?: (line: string) => void;
}

export interface ScaleResult {
  members: number;
  rows: Record<string, number>;
  totalRows: number;
  seconds: number;
  membersPerSecond: number;
  rowsPerSecond: number;
}

export interface ScaleCounts {
  members: number;
  vehicles: number;
  /** The seed ran to the end (indexes rebuilt, counts recorded). */
  complete: boolean;
  anchor: string | null;
  /** Benchmarked jobs have run on it since (they change segments, tiers, lots, notifications). */
  jobsRan: boolean;
}

/** The tables filled member by member: one streamed statement and connection each. */
const STREAMED: ScaleTableName[] = [
  'member',
  'tier_change',
  'vehicle',
  'card',
  'card_entry',
  'sales_transaction',
  'complaint',
  'complaint_event',
  'points_entry',
  'points_lot',
];
/** Connections rebuilding the deferred indexes (the largest tables first). */
const INDEX_BUILDERS = 3;

/** Migrates the database and seeds the default programme by booting the app once (also brings a reused database up to date). */
export async function migrateAndSeedProgramme(url: string): Promise<void> {
  // Entity column types are fixed when the entity modules load, from DATABASE_URL.
  process.env.DATABASE_URL = url;
  const { loadConfig } = await import('../../backend/src/config/app-config');
  const { createApp } = await import('../../backend/src/bootstrap');
  const app = await createApp(
    loadConfig({
      ...process.env,
      DATABASE_URL: url,
      DEMO_DATA: 'false',
      JOBS_ENABLED: 'false',
      // A migration that indexes millions of rows outlasts the API's per-statement limit.
      DB_QUERY_TIMEOUT_MS: '0',
      LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
      JWT_SECRET: process.env.JWT_SECRET || 'scale-seed-secret',
      DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY || '22'.repeat(32),
    }),
  );
  await app.close();
}

/** What a database holds of the scale seed, so a runner can reuse a filled one. */
export async function countScaleRows(url: string): Promise<ScaleCounts> {
  const connection = await openLoader(url);
  try {
    const [rows] = await connection.query(
      `SELECT (SELECT COUNT(*) FROM member) AS members, (SELECT COUNT(*) FROM vehicle) AS vehicles,
              (SELECT note FROM seed_state WHERE name = ?) AS note`,
      [SEED_STATE],
    );
    const [row] = rows as { members: number | string; vehicles: number | string; note: string | null }[];
    const note = row.note
      ? (JSON.parse(row.note) as { members: number; anchor: string; jobsRan?: boolean })
      : null;
    const members = Number(row.members);
    return {
      members,
      vehicles: Number(row.vehicles),
      complete: !!note && note.members === members,
      anchor: note?.anchor ?? null,
      jobsRan: !!note?.jobsRan,
    };
  } finally {
    await connection.end();
  }
}

/** Records that jobs are about to change the seeded data, for `countScaleRows().jobsRan`. */
export async function markJobsRan(url: string): Promise<void> {
  const connection = await openLoader(url);
  try {
    const [rows] = await connection.query('SELECT note FROM seed_state WHERE name = ?', [SEED_STATE]);
    const [row] = rows as { note: string | null }[];
    if (!row?.note) return;
    await connection.query('UPDATE seed_state SET note = ? WHERE name = ?', [
      JSON.stringify({ ...JSON.parse(row.note), jobsRan: true }),
      SEED_STATE,
    ]);
  } finally {
    await connection.end();
  }
}

/** Fills the database with `members` members and everything proportionate to them. */
export async function seedScale(options: ScaleOptions): Promise<ScaleResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const members = options.members;
  if (!Number.isInteger(members) || members < 1 || members > 9_999_999)
    throw new Error('members must be an integer from 1 to 9,999,999');
  if (!/^(mysql|mariadb):\/\//.test(options.url))
    throw new Error('The scale seed needs a mysql:// or mariadb:// URL');
  const anchor = options.anchor ?? DEFAULT_SCALE_ANCHOR;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(anchor) || Number.isNaN(Date.parse(anchor)))
    throw new Error(`anchor must be a date YYYY-MM-DD (got "${anchor}")`);

  const started = performance.now();
  await ensureDatabase(options.url, !!options.reset);
  if (options.migrate ?? true) await migrateAndSeedProgramme(options.url);
  log(
    `  database ready (migrated, default programme) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const { loadConfig } = await import('../../backend/src/config/app-config');
  const timeZone = loadConfig({ ...process.env, DATABASE_URL: options.url }).programmeTimeZone;

  const main = await openLoader(options.url);
  const loads: StreamedLoad[] = [];
  let succeeded = false;
  try {
    const [[existing]] = (await main.query('SELECT COUNT(*) AS n FROM member')) as unknown as [
      { n: number | string }[],
    ];
    if (Number(existing.n))
      throw new Error(`The database already holds ${existing.n} members: pass --reset to recreate it`);
    const context = await prepareContext(main, anchor, timeZone, members);
    const deferred = await bulkTableIndexes(main);
    await dropIndexes(main, deferred);

    const tables = scaleTables();
    const totals: Record<string, number> = {};
    const count = (t: ScaleTables) => {
      for (const table of Object.values(t)) totals[table.table] = (totals[table.table] ?? 0) + table.length;
    };
    await loadStaffAndDealerships(main, context, tables, count);

    for (const name of STREAMED)
      loads.push(await StreamedLoad.open(options.url, tables[name].table, tables[name].columns));
    const history = new MemberHistory(context, tables, newSequences());
    let lastLog = performance.now();
    for (let from = 0; from < members; from += MEMBERS_PER_CHUNK) {
      const to = Math.min(members, from + MEMBERS_PER_CHUNK);
      for (let row = from; row < to; row++) history.write(row);
      count(tables);
      // Each table's previous chunk is sent while this one is generated; then this one is queued.
      await Promise.all(STREAMED.map((name, i) => loads[i].write(tables[name].take())));
      const now = performance.now();
      if (now - lastLog > 10_000) {
        lastLog = now;
        const seconds = (now - started) / 1000;
        log(
          `  ${to.toLocaleString('en')} / ${members.toLocaleString('en')} members generated, ${Math.round(to / seconds).toLocaleString('en')} members/s, ${Math.round(process.memoryUsage().rss / 1048576)} MiB resident`,
        );
      }
    }
    await Promise.all(loads.map((load) => load.finish()));
    const loadedAt = performance.now();
    log(
      `  rows loaded in ${((loadedAt - started) / 1000).toFixed(1)} s; building ${deferred.length} secondary indexes`,
    );
    await addIndexes(
      loads.slice(0, INDEX_BUILDERS).map((load) => load.connection),
      deferred,
      totals,
    );
    log(`  indexes built in ${((performance.now() - loadedAt) / 1000).toFixed(1)} s`);
    await main.query('REPLACE INTO seed_state (name, appliedAt, note) VALUES (?, UTC_TIMESTAMP(3), ?)', [
      SEED_STATE,
      JSON.stringify({ members, anchor, rows: totals }),
    ]);
    succeeded = true;

    const seconds = (performance.now() - started) / 1000;
    const totalRows = Object.values(totals).reduce((a, b) => a + b, 0);
    const result: ScaleResult = {
      members,
      rows: totals,
      totalRows,
      seconds,
      membersPerSecond: Math.round(members / seconds),
      rowsPerSecond: Math.round(totalRows / seconds),
    };
    log(
      `Seeded ${members.toLocaleString('en')} members (${totalRows.toLocaleString('en')} rows: ${Object.entries(
        totals,
      )
        .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
        .join(
          ', ',
        )}) in ${seconds.toFixed(1)} s: ${result.membersPerSecond.toLocaleString('en')} members/s, ${result.rowsPerSecond.toLocaleString('en')} rows/s`,
    );
    return result;
  } finally {
    if (succeeded) await Promise.all([main, ...loads.map((load) => load.connection)].map((c) => c.end()));
    else {
      // Statements may still be running (an index build) or waiting for rows: end() would wait.
      main.destroy();
      for (const load of loads) load.abort();
    }
  }
}

async function prepareContext(
  connection: Connection,
  anchor: string,
  timeZone: string,
  members: number,
): Promise<HistoryContext> {
  const [tierRows] = await connection.query(
    'SELECT id, code, `rank`, qualifyingPoints, minSpend, upgradeRepairAmount, upgradeServiceVisits, pointsMultiplier FROM tier ORDER BY `rank`',
  );
  const tiers: ScaleTier[] = (tierRows as Record<string, unknown>[]).map((t) => ({
    id: String(t.id),
    code: String(t.code),
    rank: Number(t.rank),
    qualifyingPoints: Number(t.qualifyingPoints),
    minSpend: t.minSpend === null ? null : Number(t.minSpend),
    upgradeRepairAmount: t.upgradeRepairAmount === null ? null : Number(t.upgradeRepairAmount),
    upgradeServiceVisits: t.upgradeServiceVisits === null ? null : Number(t.upgradeServiceVisits),
    pointsMultiplier: String(t.pointsMultiplier),
  }));
  if (!tiers.length) throw new Error('No tiers: the default programme was not seeded');
  const anchorMs = fromZonedTime(`${anchor}T00:00:00`, timeZone).getTime();
  const idBaseMs = anchorMs - 3 * 365 * 86_400_000;
  const dealershipCount = Math.max(3, Math.round(members / 5000));
  const dealerships: ScaleDealership[] = Array.from({ length: dealershipCount }, (_, i) => ({
    id: scaleId(idBaseMs, 'D', i),
    city: i % CITIES.length,
    staffIds: Array.from({ length: 3 }, (_, s) => scaleId(idBaseMs, 'S', i * 3 + s)),
  }));
  return { anchor, anchorMs, timeZone, rules: DEFAULT_PROGRAMME_RULES, tiers, dealerships, idBaseMs };
}

async function loadStaffAndDealerships(
  connection: Connection,
  context: HistoryContext,
  tables: ScaleTables,
  count: (t: ScaleTables) => void,
): Promise<void> {
  const opened = sqlDateTime(Date.parse(`${addDaysToDate(context.anchor, -5 * 365)}T02:00:00Z`));
  const passwordHash = await hashPassword(SCALE_STAFF_PASSWORD);
  context.dealerships.forEach((d, i) => {
    const code = `SC${String(i + 1).padStart(4, '0')}`;
    const [city] = CITIES[d.city];
    const brand = MODELS[i % MODELS.length][0];
    tables.dealership.add([
      d.id,
      opened,
      opened,
      code,
      `${city}${brand}${i + 1}号4S店`,
      brand,
      city,
      `${city}市汽车城${i + 1}号`,
      `400${String(i).padStart(7, '0')}`,
      true,
    ]);
    d.staffIds.forEach((id, s) => {
      tables.staff_user.add([
        id,
        opened,
        opened,
        `scale.${code.toLowerCase()}.${s + 1}`,
        `${city}门店员工${s + 1}`,
        passwordHash,
        'STORE_STAFF',
        d.id,
        true,
      ]);
    });
  });
  count(tables);
  for (const table of [tables.dealership, tables.staff_user])
    await loadRows(connection, table.table, table.columns, table.take());
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (require.main === module) {
  seedScale({
    url: argument('url') ?? process.env.SCALE_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dl_scale',
    members: Number(argument('members') ?? 1_000_000),
    anchor: argument('anchor'),
    reset: process.argv.includes('--reset'),
  })
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
