/**
 * Scale generator: fills an empty, migrated database with N members and N vehicles (one each), fast
 * and set-based — multi-row INSERTs built in JS, several in flight at once — for benchmarks of the
 * jobs. Values are deterministic (a seeded PRNG, ids from the row number), so two runs with the same
 * N and anchor produce the same rows.
 *
 * CLI (MySQL/MariaDB only):
 *   SWC_NODE_PROJECT=backend/tsconfig.json node -r @swc-node/register seeds/scale/generate.ts \
 *     [--url mysql://root@127.0.0.1:3306/dl_scale] [--count 1000000] [--anchor 2026-03-02] [--batch 5000]
 * The database must exist; it is migrated and the default programme seeded first (idempotent).
 */
import { createConnection, Connection } from 'mysql2/promise';

export interface ScaleOptions {
  /** mysql:// or mariadb:// URL of an existing database. */
  url: string;
  /** Members, and vehicles (one each). Default 1,000,000. */
  count?: number;
  /** Rows per INSERT statement. Default 5,000. */
  batchSize?: number;
  /** Statements in flight at once (one connection each). Default 2. */
  concurrency?: number;
  /**
   * The calendar date ('YYYY-MM-DD') the due dates are spread around: nextServiceDueDate over
   * [anchor - 30 d, anchor + 335 d], inspection and insurance over [anchor, anchor + 365 d), so a
   * reminder run at the anchor with a window of a few weeks hits a few percent of the vehicles.
   */
  anchor?: string;
  /** Run migrations and seed the programme (through the app) first. Default true. */
  migrate?: boolean;
  log?: (line: string) => void;
}

export interface ScaleResult {
  members: number;
  vehicles: number;
  seconds: number;
  rowsPerSecond: number;
}

const DAY_MS = 86_400_000;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const REFERRAL_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '浩然',
  '子涵',
];
const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '南京', '苏州', '成都', '武汉', '重庆'];
const CHANNELS = ['STORE', 'STORE', 'STORE', 'APP', 'WECHAT', 'WECHAT', 'WEBSITE', 'PARTNER'];
const MODELS: Array<[string, string, string]> = [
  ['大众', '帕萨特', '2024款 330TSI'],
  ['大众', '途观L', '2023款 380TSI'],
  ['丰田', '凯美瑞', '2024款 2.0E'],
  ['丰田', 'RAV4荣放', '2023款 双擎'],
  ['本田', '雅阁', '2024款 260TURBO'],
  ['别克', '君越', '2023款 652T'],
  ['宝马', '3系', '2024款 325Li'],
  ['奔驰', 'C级', '2024款 C260L'],
  ['奥迪', 'A4L', '2024款 40TFSI'],
  ['比亚迪', '汉', '2024款 EV'],
];
const COLORS = ['白色', '黑色', '银色', '灰色', '蓝色', '红色'];

/** mulberry32: a small, fast, seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function encode(value: number, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) {
    out = alphabet[value % alphabet.length] + out;
    value = Math.floor(value / alphabet.length);
  }
  return out;
}

/**
 * A ULID-shaped id (26 Crockford characters) that sorts by row number: the ULID time of `baseMs`,
 * a kind letter, then the row number. Members and vehicles of the same row share no id.
 */
function scaleId(baseMs: number, kind: string, row: number): string {
  return encode(baseMs, CROCKFORD, 10) + kind + encode(row, CROCKFORD, 15);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function sqlDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 23).replace('T', ' ');
}

function q(value: string | null): string {
  return value === null ? 'NULL' : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

const MEMBER_COLUMNS =
  'id, createdAt, updatedAt, memberNo, name, phone, phoneKey, gender, birthday, city, status, channel, tierId, tierAchievedAt, referralCode, marketingConsent, activatedAt';
const VEHICLE_COLUMNS =
  'id, createdAt, updatedAt, memberId, vin, plateNumber, brand, model, series, color, purchaseDate, mileage, lastServiceAt, lastServiceMileage, previousServiceAt, previousServiceMileage, avgDailyKm, nextServiceDueDate, nextServiceDueMileage, inspectionDueDate, insuranceExpiryDate';

interface Batch {
  members: string;
  vehicles: string;
}

/** Builds the two INSERT statements for rows [from, to). */
function buildBatch(from: number, to: number, anchorMs: number, regularTierId: string): Batch {
  const random = prng(from + 1);
  const baseMs = anchorMs - 3 * 365 * DAY_MS;
  const members: string[] = [];
  const vehicles: string[] = [];
  for (let row = from; row < to; row++) {
    const memberId = scaleId(baseMs, 'M', row);
    const joinedMs = anchorMs - Math.floor(random() * 3 * 365) * DAY_MS - Math.floor(random() * DAY_MS);
    const joined = sqlDateTime(joinedMs);
    const statusDraw = random();
    const status = statusDraw < 0.98 ? 'ACTIVE' : statusDraw < 0.99 ? 'FROZEN' : 'CANCELLED';
    const phone = `13${String(row).padStart(9, '0')}`;
    const name =
      SURNAMES[Math.floor(random() * SURNAMES.length)] + GIVEN[Math.floor(random() * GIVEN.length)];
    const birthday = isoDate(Date.UTC(1960, 0, 1) + Math.floor(random() * 40 * 365) * DAY_MS);
    const gender = random() < 0.5 ? 'MALE' : 'FEMALE';
    const memberNo = `M${joined.slice(2, 4)}${joined.slice(5, 7)}${String(row).padStart(7, '0')}`;
    const referralCode = `S${encode(row, REFERRAL_ALPHABET, 7)}`;
    const consent = random() < 0.6 ? 1 : 0;
    members.push(
      `(${q(memberId)},'${joined}','${joined}',${q(memberNo)},${q(name)},'${phone}','${phone}','${gender}','${birthday}',` +
        `${q(CITIES[row % CITIES.length])},'${status}','${CHANNELS[row % CHANNELS.length]}',${q(regularTierId)},'${joined}',` +
        `'${referralCode}',${consent},'${joined}')`,
    );

    // The car: bought before joining; serviced twice; due dates spread around the anchor.
    const [brand, model, series] = MODELS[row % MODELS.length];
    const avgDailyKm = Math.round((15 + random() * 85) * 100) / 100;
    const purchaseMs = joinedMs - Math.floor(random() * 365) * DAY_MS;
    const nextDueOffset = -30 + Math.floor(random() * 366);
    const nextDueMs = anchorMs + nextDueOffset * DAY_MS;
    const lastServiceMs = nextDueMs - 180 * DAY_MS;
    const previousServiceMs = lastServiceMs - 180 * DAY_MS;
    const lastServiceMileage = Math.round(5_000 + random() * 60_000);
    const previousServiceMileage = Math.max(0, lastServiceMileage - Math.round(avgDailyKm * 180));
    const mileage =
      lastServiceMileage + Math.round(avgDailyKm * Math.max(0, (anchorMs - lastServiceMs) / DAY_MS));
    const inspection = random() < 0.95 ? isoDate(anchorMs + Math.floor(random() * 365) * DAY_MS) : null;
    const insurance = random() < 0.95 ? isoDate(anchorMs + Math.floor(random() * 365) * DAY_MS) : null;
    const vin = `LSV${String(row).padStart(14, '0')}`;
    const plate = `沪${'ABCDEFGHJK'[row % 10]}${encode(row, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ', 5)}`;
    vehicles.push(
      `(${q(scaleId(baseMs, 'V', row))},'${joined}','${joined}',${q(memberId)},'${vin}',${q(plate)},${q(brand)},${q(model)},${q(series)},` +
        `${q(COLORS[row % COLORS.length])},'${isoDate(purchaseMs)}',${mileage},'${sqlDateTime(lastServiceMs)}',${lastServiceMileage},` +
        `'${sqlDateTime(previousServiceMs)}',${previousServiceMileage},${avgDailyKm},'${isoDate(nextDueMs)}',${lastServiceMileage + 10_000},` +
        `${q(inspection)},${q(insurance)})`,
    );
  }
  return {
    members: `INSERT INTO member (${MEMBER_COLUMNS}) VALUES ${members.join(',')}`,
    vehicles: `INSERT INTO vehicle (${VEHICLE_COLUMNS}) VALUES ${vehicles.join(',')}`,
  };
}

function connectionUrl(url: string): string {
  return url.replace(/^mariadb:/, 'mysql:');
}

/** Migrates the database and seeds the default programme by booting the app once, then closes it. */
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
      LOG_LEVEL: process.env.LOG_LEVEL || 'warn',
      JWT_SECRET: process.env.JWT_SECRET || 'scale-generator-secret',
      DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY || '22'.repeat(32),
    }),
  );
  await app.close();
}

async function openConnection(url: string): Promise<Connection> {
  const connection = await createConnection({
    uri: connectionUrl(url),
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
  });
  await connection.query("SET time_zone = '+00:00'");
  return connection;
}

/** Counts the members and vehicles of the database. */
export async function countScaleRows(url: string): Promise<{ members: number; vehicles: number }> {
  const connection = await openConnection(url);
  try {
    const [rows] = await connection.query(
      'SELECT (SELECT COUNT(*) FROM member) AS members, (SELECT COUNT(*) FROM vehicle) AS vehicles',
    );
    const [row] = rows as Array<{ members: number | string; vehicles: number | string }>;
    return { members: Number(row.members), vehicles: Number(row.vehicles) };
  } finally {
    await connection.end();
  }
}

/** Fills the (empty, or emptied by migrate) database with `count` members and vehicles. */
export async function generateScale(options: ScaleOptions): Promise<ScaleResult> {
  const count = options.count ?? 1_000_000;
  const batchSize = options.batchSize ?? 5_000;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const anchor = options.anchor ?? new Date().toISOString().slice(0, 10);
  const anchorMs = Date.parse(`${anchor}T00:00:00Z`);
  if (Number.isNaN(anchorMs)) throw new Error(`anchor must be a date YYYY-MM-DD (got "${anchor}")`);
  const log = options.log ?? ((line: string) => console.log(line));

  if (options.migrate ?? true) await migrateAndSeedProgramme(options.url);

  const first = await openConnection(options.url);
  let regularTierId: string;
  try {
    const existing = await countScaleRows(options.url);
    if (existing.members || existing.vehicles) {
      throw new Error(
        `The database is not empty (${existing.members} members, ${existing.vehicles} vehicles)`,
      );
    }
    const [tiers] = await first.query("SELECT id FROM tier WHERE code = 'REGULAR'");
    const tier = (tiers as Array<{ id: string }>)[0];
    if (!tier) throw new Error('No REGULAR tier: migrate and seed the programme first');
    regularTierId = tier.id;
  } catch (error) {
    await first.end();
    throw error;
  }

  const connections = [first];
  for (let i = 1; i < concurrency; i++) connections.push(await openConnection(options.url));
  const started = performance.now();
  let next = 0;
  let done = 0;
  let lastLog = started;
  const worker = async (connection: Connection) => {
    // Each batch commits on its own (autocommit); the rows are unique by construction.
    while (next < count) {
      const from = next;
      const to = Math.min(count, from + batchSize);
      next = to;
      const batch = buildBatch(from, to, anchorMs, regularTierId);
      await connection.query(batch.members);
      await connection.query(batch.vehicles);
      done += to - from;
      const now = performance.now();
      if (now - lastLog > 10_000) {
        lastLog = now;
        log(
          `  ${done.toLocaleString('en')} / ${count.toLocaleString('en')} members+vehicles, ${Math.round((2 * done) / ((now - started) / 1000)).toLocaleString('en')} rows/s`,
        );
      }
    }
  };
  try {
    await Promise.all(connections.map(worker));
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
  const seconds = (performance.now() - started) / 1000;
  const rowsPerSecond = Math.round((2 * count) / seconds);
  log(
    `Generated ${count.toLocaleString('en')} members and ${count.toLocaleString('en')} vehicles in ${seconds.toFixed(1)} s (${rowsPerSecond.toLocaleString('en')} rows/s)`,
  );
  return { members: count, vehicles: count, seconds, rowsPerSecond };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (require.main === module) {
  const url = argument('url') ?? process.env.SCALE_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dl_scale';
  generateScale({
    url,
    count: Number(argument('count') ?? process.env.SCALE_COUNT ?? 1_000_000),
    batchSize: Number(argument('batch') ?? 5_000),
    anchor: argument('anchor'),
  })
    .then(() => process.exit(0))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
