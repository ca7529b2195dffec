/**
 * Faults: the database server killed (SIGKILL) and restarted under a load of idempotent writes,
 * and an API process killed in the middle of a job run.
 *
 * The restart runs against a private MariaDB (its own data directory and port), never the shared
 * server; on SQLite there is no server to restart and that part is skipped (it runs on MariaDB in
 * .ci/run). The killed job runs on both databases. FAULT_CLIENTS and FAULT_OPS size the load.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createDealership, createMember, uniqueVin } from './support/fixtures';
import { CREATE_CARD, LEDGER_INTEGRITY, ME, RECHARGE_CARD, RECORD_TRANSACTION, REDEEM_POINTS, RUN_JOB } from './support/contract';
import { PrivateMariaDb, privateMariaDbUnavailable } from './support/private-mariadb';
import { startTestApp, TestApp } from './support/test-app';

const CLIENTS = Number(process.env.FAULT_CLIENTS || 4);
const OPS_PER_CLIENT = Number(process.env.FAULT_OPS || 15);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The URL of the database a test app runs on, for a second process. */
function databaseUrlOf(t: TestApp): string {
  const options = t.dataSource.options as { database?: string; url?: string };
  return t.databaseKind === 'sqlite' ? `sqlite:${String(options.database)}` : String(options.url);
}

async function expectLedgersClean(t: TestApp) {
  const { ledgerIntegrity } = await t.ok(LEDGER_INTEGRITY, {}, { token: t.adminToken });
  expect(ledgerIntegrity).toMatchObject({ pointsMismatches: 0, cardMismatches: 0, mismatches: [] });
}

const unavailable = privateMariaDbUnavailable();
const withPrivateServer = unavailable ? describe.skip : describe;

withPrivateServer(
  unavailable ? `database restart under load (skipped: ${unavailable}; covered on MariaDB in .ci/run)` : 'database restart under load',
  () => {
    let server: PrivateMariaDb;
    let t: TestApp;

    beforeAll(async () => {
      server = await PrivateMariaDb.create();
      const shared = process.env.DATABASE_URL;
      process.env.DATABASE_URL = server.url;
      try {
        t = await startTestApp();
      } finally {
        process.env.DATABASE_URL = shared;
      }
    }, 120_000);
    afterAll(async () => {
      await t?.close().catch(() => undefined);
      await server?.destroy();
    });

    interface Acknowledged {
      kind: 'transaction' | 'recharge' | 'redemption';
      key: string;
      id: string;
      send: () => Promise<{ data?: Record<string, { id: string } | null>; errors?: unknown[] }>;
    }

    it('recovers by itself after SIGKILL restarts of the server, with every acknowledged write stored exactly once', async () => {
      const admin = { token: t.adminToken };
      const dealershipId = await createDealership(t, 'FAULT');
      const accounts: { memberId: string; cardId: string }[] = [];
      for (let i = 0; i < CLIENTS; i++) {
        const member = await createMember(t, { homeDealershipId: dealershipId });
        // Points to redeem from: 10,000 yuan of repairs.
        await t.ok(RECORD_TRANSACTION, { input: { memberId: member.id, dealershipId, type: 'REPAIR', amount: 1_000_000, externalRef: `seed-${i}`, occurredAt: new Date().toISOString() } }, admin);
        const card = await t.ok(CREATE_CARD, { input: { memberId: member.id, dealershipId, type: 'STORED_VALUE' } }, admin);
        accounts.push({ memberId: member.id, cardId: card.createCard.id });
      }

      const acknowledged: Acknowledged[] = [];
      const failuresSeen = { count: 0 };
      /** Sends one write until the API acknowledges it, always with the same idempotency key. */
      const untilAcknowledged = async (kind: Acknowledged['kind'], key: string, send: Acknowledged['send']) => {
        const deadline = Date.now() + 90_000;
        for (;;) {
          const result: Awaited<ReturnType<Acknowledged['send']>> = await send().catch((error: Error) => ({ errors: [error.message] }));
          const written = result.data && Object.values(result.data)[0];
          if (written) {
            acknowledged.push({ kind, key, id: written.id, send });
            return;
          }
          failuresSeen.count++;
          if (Date.now() > deadline) throw new Error(`${kind} ${key} was never acknowledged: ${JSON.stringify(result.errors)}`);
          await sleep(150);
        }
      };

      const client = async (c: number) => {
        const { memberId, cardId } = accounts[c];
        for (let op = 0; op < OPS_PER_CLIENT; op++) {
          const key = `c${c}-${op}`;
          if (op % 3 === 0) {
            const input = { memberId, dealershipId, type: 'MAINTENANCE', amount: 10_000 + op, externalRef: `ext-${key}`, occurredAt: '2026-06-01T02:00:00.000Z' };
            await untilAcknowledged('transaction', input.externalRef, () => t.gql(RECORD_TRANSACTION, { input }, admin));
          } else if (op % 3 === 1) {
            const input = { cardId, dealershipId, amount: 1_000 + op, idempotencyKey: `recharge-${key}` };
            await untilAcknowledged('recharge', input.idempotencyKey, () => t.gql(RECHARGE_CARD, { input }, admin));
          } else {
            const input = { memberId, dealershipId, points: 10 + op, reason: 'fault test', idempotencyKey: `redeem-${key}` };
            await untilAcknowledged('redemption', input.idempotencyKey, () => t.gql(REDEEM_POINTS, { input }, admin));
          }
        }
      };

      const total = CLIENTS * OPS_PER_CLIENT;
      const healthDuringOutage: number[] = [];
      const chaos = async () => {
        for (const share of [0.2, 0.55]) {
          while (acknowledged.length < total * share) await sleep(20);
          await server.kill();
          healthDuringOutage.push((await t.http().get('/health')).status);
          await sleep(1500);
          await server.start();
        }
      };
      await Promise.all([chaos(), ...Array.from({ length: CLIENTS }, (_, c) => client(c))]);

      // The outages were real: health said so and writes failed while the server was down.
      expect(healthDuringOutage).toEqual([503, 503]);
      expect(failuresSeen.count).toBeGreaterThan(0);

      // Recovered without restarting the app.
      expect((await t.http().get('/health')).status).toBe(200);
      expect((await t.ok(ME, {}, admin)).me.username).toBeTruthy();

      // Every acknowledged write exists exactly once, with the id the client was given.
      expect(acknowledged).toHaveLength(total);
      // Ledgers keep the client's key behind an operation prefix (`card:recharge:<key>`).
      const storedWrites = async () => {
        const rows = async (sql: string) => ((await t.dataSource.query(sql)) as { k: string; id: string }[]).map((r) => `${r.k.split(':').pop()}=${r.id}`);
        return [
          ...(await rows("SELECT externalRef AS k, id FROM sales_transaction WHERE externalRef LIKE 'ext-c%'")),
          ...(await rows("SELECT idempotencyKey AS k, id FROM card_entry WHERE idempotencyKey LIKE '%recharge-c%'")),
          ...(await rows("SELECT idempotencyKey AS k, id FROM points_entry WHERE idempotencyKey LIKE '%redeem-c%'")),
        ].sort();
      };
      const acknowledgedWrites = acknowledged.map((a) => `${a.key}=${a.id}`).sort();
      expect(await storedWrites()).toEqual(acknowledgedWrites);

      // Replays after the faults return the first result and add nothing.
      for (const ack of acknowledged.filter((_, i) => i % 7 === 0)) {
        const replay = await ack.send();
        expect(Object.values(replay.data ?? {})[0]?.id).toBe(ack.id);
      }
      expect(await storedWrites()).toEqual(acknowledgedWrites);
      await expectLedgersClean(t);
    }, 240_000);
  },
);

describe('a job run killed with its process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  /** Starts a second API process that runs REMINDERS slowly; resolves once it committed a chunk. */
  const crashingRun = (asOf: Date) =>
    new Promise<ChildProcess>((resolve, reject) => {
      const root = join(__dirname, '..', '..');
      const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'support', 'job-crash-child.ts')], {
        cwd: root,
        env: {
          ...process.env,
          SWC_NODE_PROJECT: join(root, 'backend', 'tsconfig.json'),
          DATABASE_URL: databaseUrlOf(t),
          JOB_LEASE_SECONDS: '2',
          AS_OF: asOf.toISOString(),
          JWT_SECRET: 'test-secret-for-e2e-only',
          DATA_ENCRYPTION_KEY: '11'.repeat(32),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
      child.stdout!.on('data', (chunk) => {
        if (String(chunk).includes('chunk')) resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`The job process ended (${code}) before a chunk: ${stderr.slice(-2000)}`)));
    });

  it('is finished by the next run, with nothing done twice', async () => {
    const asOf = new Date('2027-09-15T01:00:00Z');
    const vehicleIds: string[] = [];
    for (let i = 0; i < 8; i++) {
      const member = await createMember(t, { name: `故障${i}`, vehicle: { vin: uniqueVin(), inspectionDueDate: '2027-09-20' } });
      vehicleIds.push(member.vehicles[0].id);
    }
    const dedupeKeys = async () =>
      ((await t.dataSource.query("SELECT dedupeKey FROM notification WHERE dedupeKey LIKE 'reminder:INSPECTION_DUE:%'")) as { dedupeKey: string }[])
        .map((row) => row.dedupeKey)
        .sort();

    const child = await crashingRun(asOf);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const partial = await dedupeKeys();
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(vehicleIds.length);
    const [interrupted] = await t.dataSource.query("SELECT status FROM job_run WHERE instance = 'crashing-instance'");
    expect(interrupted.status).toBe('RUNNING');

    // The dead process's lease blocks the job until it expires; then the next run takes over.
    let run: { status: string; affected: number };
    const deadline = Date.now() + 20_000;
    do {
      await sleep(500);
      run = (await t.ok(RUN_JOB, { input: { job: 'REMINDERS', asOf: asOf.toISOString() } }, { token: t.adminToken })).runJob;
    } while (run.status === 'SKIPPED' && Date.now() < deadline);

    expect(run).toMatchObject({ status: 'SUCCEEDED', affected: vehicleIds.length - partial.length });
    expect(await dedupeKeys()).toEqual(vehicleIds.map((id) => `reminder:INSPECTION_DUE:${id}:2027-09-20`).sort());
    const [failed] = await t.dataSource.query("SELECT status, error FROM job_run WHERE instance = 'crashing-instance'");
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/Interrupted/);

    // And a further run of the same window changes nothing.
    const again = (await t.ok(RUN_JOB, { input: { job: 'REMINDERS', asOf: asOf.toISOString() } }, { token: t.adminToken })).runJob;
    expect(again).toMatchObject({ status: 'SUCCEEDED', affected: 0 });
  }, 120_000);
});
