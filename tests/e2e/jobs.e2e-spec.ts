import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { newId } from '../../backend/src/common/entity';
import { JobLock } from '../../backend/src/modules/jobs/job-lock.entity';
import { JobName, JobRunStatus } from '../../backend/src/modules/jobs/job-name';
import { JobRegistry } from '../../backend/src/modules/jobs/job-registry';
import { JobRun } from '../../backend/src/modules/jobs/job-run.entity';
import { NotificationTemplate } from '../../backend/src/modules/notifications/notification.enums';
import { NotificationsService } from '../../backend/src/modules/notifications/notifications.service';
import { errorCode, startTestApp, TestApp } from './support/test-app';
import { JOBS, RUN_JOB, JOB_RUNS } from './support/contract';

const DISPATCH = 'NOTIFICATION_DISPATCH';

/** A gateway on 127.0.0.1 that answers 200 after a delay, so a dispatch run holds its lease a while. */
async function startSlowGateway(
  delayMs: number,
): Promise<{ server: Server; url: string; hits: () => number }> {
  let hits = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits++;
      setTimeout(
        () => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}'),
        delayMs,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/notify`, hits: () => hits };
}

describe('jobs', () => {
  let t: TestApp;
  let gateway: Awaited<ReturnType<typeof startSlowGateway>>;
  let seq = 0;

  const runJob = (job: string, asOf?: Date, token = t.adminToken) =>
    t.gql(RUN_JOB, { input: { job, ...(asOf ? { asOf: asOf.toISOString() } : {}) } }, { token });

  const queueNotification = () =>
    t.dataSource.transaction((manager) =>
      t.app.get(NotificationsService).enqueue(manager, {
        // A service message: marketing ones would wait out the quiet hours whenever the suite runs at night.
        template: NotificationTemplate.TIER_UPGRADED,
        recipient: '13800138000',
        data: { name: `会员${seq}`, tier: '银卡会员' },
        dedupeKey: `jobs-test-${seq++}`,
      }),
    );

  beforeAll(async () => {
    gateway = await startSlowGateway(300);
    t = await startTestApp({ NOTIFICATION_WEBHOOK_URL: gateway.url });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => gateway?.server.close(resolve));
  });

  it('lists NOTIFICATION_DISPATCH with its schedule, switched off under JOBS_ENABLED=false', async () => {
    const { jobs } = await t.ok(JOBS, {}, { token: t.adminToken });
    const dispatch = jobs.find((j: { name: string }) => j.name === DISPATCH);
    expect(dispatch).toMatchObject({
      name: DISPATCH,
      schedule: '* * * * *',
      enabled: false,
      nextRunAt: null,
      lastRun: null,
    });
  });

  it('shows the schedule enabled with a next run in the future under JOBS_ENABLED=true', async () => {
    const scheduled = await startTestApp({ JOBS_ENABLED: 'true' });
    try {
      const { jobs } = await scheduled.ok(JOBS, {}, { token: scheduled.adminToken });
      const dispatch = jobs.find((j: { name: string }) => j.name === DISPATCH);
      expect(dispatch.enabled).toBe(true);
      const next = new Date(dispatch.nextRunAt).getTime();
      expect(next).toBeGreaterThan(Date.now());
      expect(next).toBeLessThanOrEqual(Date.now() + 61_000);
    } finally {
      await scheduled.close();
    }
  });

  it('runs a job on demand as of the given instant, with counts', async () => {
    await queueNotification();
    await queueNotification();
    const asOf = new Date(Date.now() + 5_000);
    const before = gateway.hits();
    const first = await runJob(DISPATCH, asOf);
    expect(first.errors).toBeUndefined();
    expect(first.data.runJob).toMatchObject({
      job: DISPATCH,
      status: 'SUCCEEDED',
      asOf: asOf.toISOString(),
      processed: 2,
      affected: 2,
      error: null,
    });
    expect(first.data.runJob.finishedAt).toBeTruthy();
    expect(new Date(first.data.runJob.finishedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(first.data.runJob.startedAt).getTime(),
    );
    expect(gateway.hits() - before).toBe(2);

    // Idempotent: nothing is due any more, nothing is sent again.
    const again = await runJob(DISPATCH, asOf);
    expect(again.data.runJob).toMatchObject({ status: 'SUCCEEDED', processed: 0, affected: 0 });
    expect(gateway.hits() - before).toBe(2);

    // Without asOf the run reads the clock.
    const now = await runJob(DISPATCH);
    expect(Math.abs(new Date(now.data.runJob.asOf).getTime() - Date.now())).toBeLessThan(10_000);

    const { jobs } = await t.ok(JOBS, {}, { token: t.adminToken });
    expect(jobs.find((j: { name: string }) => j.name === DISPATCH).lastRun).toMatchObject({
      id: now.data.runJob.id,
      status: 'SUCCEEDED',
    });
  });

  it('runs a job once when two runs overlap: one SUCCEEDED, one SKIPPED', async () => {
    await queueNotification();
    const [a, b] = await Promise.all([runJob(DISPATCH), runJob(DISPATCH)]);
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    const statuses = [a.data.runJob.status, b.data.runJob.status].sort();
    expect(statuses).toEqual(['SKIPPED', 'SUCCEEDED']);
    const succeeded = [a, b].find((r) => r.data.runJob.status === 'SUCCEEDED')!.data.runJob;
    const skipped = [a, b].find((r) => r.data.runJob.status === 'SKIPPED')!.data.runJob;
    expect(succeeded).toMatchObject({ processed: 1, affected: 1 });
    expect(skipped).toMatchObject({ processed: 0, affected: 0 });

    // The lease was given back: the next run goes ahead.
    expect((await runJob(DISPATCH)).data.runJob.status).toBe('SUCCEEDED');
  });

  it('skips while another instance holds a live lease, and takes over a crashed run after it expires', async () => {
    const locks = t.dataSource.getRepository(JobLock);
    const runs = t.dataSource.getRepository(JobRun);
    const crashedAt = new Date(Date.now() - 120_000);
    const crashed = await runs.save(
      runs.create({
        id: newId(),
        job: JobName.NOTIFICATION_DISPATCH,
        status: JobRunStatus.RUNNING,
        asOf: crashedAt,
        startedAt: crashedAt,
        finishedAt: null,
        instance: 'other-instance',
        trigger: 'SCHEDULE',
      }),
    );
    await locks.save({
      job: DISPATCH,
      holder: 'other-instance',
      runId: crashed.id,
      leaseUntil: new Date(Date.now() + 120_000),
      lastWindow: null,
    });

    const blocked = await runJob(DISPATCH);
    expect(blocked.data.runJob).toMatchObject({ status: 'SKIPPED', processed: 0, affected: 0 });
    // A live lease's run is not declared dead.
    expect((await runs.findOneByOrFail({ id: crashed.id })).status).toBe('RUNNING');

    await locks.save({
      job: DISPATCH,
      holder: 'other-instance',
      runId: crashed.id,
      leaseUntil: new Date(Date.now() - 1_000),
      lastWindow: null,
    });
    const resumed = await runJob(DISPATCH);
    expect(resumed.data.runJob.status).toBe('SUCCEEDED');

    const { jobRuns } = await t.ok(JOB_RUNS, { filter: { ids: [crashed.id] } }, { token: t.adminToken });
    expect(jobRuns.total).toBe(1);
    expect(jobRuns.items[0]).toMatchObject({ id: crashed.id, status: 'FAILED', instance: 'other-instance' });
    expect(jobRuns.items[0].error).toMatch(/Interrupted/);
    expect(jobRuns.items[0].finishedAt).toBeTruthy();

    // The lease is free again afterwards.
    const lock = await locks.findOneByOrFail({ job: DISPATCH });
    expect(lock.leaseUntil).toBeNull();
    expect(lock.holder).toBeNull();
  });

  it('lists runs with filters, sort by STARTED_AT and page totals', async () => {
    const all = (
      await t.ok(JOB_RUNS, { filter: { job: DISPATCH }, page: { perPage: 1000 } }, { token: t.adminToken })
    ).jobRuns;
    // 3 + 3 (overlap and the run after) + 2 (skipped, resumed) + the crashed one.
    expect(all.total).toBe(9);
    expect(all.items).toHaveLength(9);
    const byStatus = (s: string) => all.items.filter((r: { status: string }) => r.status === s).length;
    expect([byStatus('SUCCEEDED'), byStatus('SKIPPED'), byStatus('FAILED'), byStatus('RUNNING')]).toEqual([
      6, 2, 1, 0,
    ]);

    const skipped = (
      await t.ok(JOB_RUNS, { filter: { job: DISPATCH, status: 'SKIPPED' } }, { token: t.adminToken })
    ).jobRuns;
    expect(skipped.total).toBe(2);
    expect(
      skipped.items.every(
        (r: { status: string; job: string }) => r.status === 'SKIPPED' && r.job === DISPATCH,
      ),
    ).toBe(true);

    const none = (await t.ok(JOB_RUNS, { filter: { job: 'SEGMENTATION' } }, { token: t.adminToken })).jobRuns;
    expect(none).toEqual({ items: [], total: 0 });

    const asc = (
      await t.ok(
        JOB_RUNS,
        { sort: [{ field: 'STARTED_AT', order: 'ASC' }], page: { perPage: 1000 } },
        { token: t.adminToken },
      )
    ).jobRuns;
    const desc = (
      await t.ok(
        JOB_RUNS,
        { sort: [{ field: 'STARTED_AT', order: 'DESC' }], page: { perPage: 1000 } },
        { token: t.adminToken },
      )
    ).jobRuns;
    const times = (items: { startedAt: string }[]) => items.map((r) => new Date(r.startedAt).getTime());
    expect(times(asc.items)).toEqual([...times(asc.items)].sort((x, y) => x - y));
    expect(times(desc.items)).toEqual([...times(desc.items)].sort((x, y) => y - x));
    expect(asc.items[0].id).toBe(desc.items[desc.items.length - 1].id);
    expect(asc.items[0].status).toBe('FAILED'); // the crashed run started two minutes ago

    const page2 = (
      await t.ok(
        JOB_RUNS,
        { sort: [{ field: 'STARTED_AT', order: 'ASC' }], page: { page: 2, perPage: 4 } },
        { token: t.adminToken },
      )
    ).jobRuns;
    expect(page2.total).toBe(9);
    expect(page2.items.map((r: { id: string }) => r.id)).toEqual(
      asc.items.slice(4, 8).map((r: { id: string }) => r.id),
    );
    const page3 = (
      await t.ok(
        JOB_RUNS,
        { sort: [{ field: 'STARTED_AT', order: 'ASC' }], page: { page: 3, perPage: 4 } },
        { token: t.adminToken },
      )
    ).jobRuns;
    expect(page3.items).toHaveLength(1);
  });

  it('lets only ADMIN run jobs or read runs', async () => {
    const marketing = await t.staffToken('MARKETING');
    const denied = await runJob(DISPATCH, undefined, marketing);
    expect(errorCode(denied)).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(JOB_RUNS, {}, { token: marketing }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(JOBS, {}, { token: marketing }))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(RUN_JOB, { input: { job: DISPATCH } }))).toBe('UNAUTHENTICATED');
    // Nothing was run by the refused calls.
    const runs = (await t.ok(JOB_RUNS, { filter: { job: DISPATCH } }, { token: t.adminToken })).jobRuns;
    expect(runs.total).toBe(9);
  });

  it('refuses a job that no module has registered with INVALID_STATE', async () => {
    // Every job of the enum is registered by now; take one out of this app's registry for the test.
    const handlers = (t.app.get(JobRegistry) as unknown as { handlers: Map<JobName, unknown> }).handlers;
    const handler = handlers.get(JobName.BIRTHDAY_REWARDS);
    handlers.delete(JobName.BIRTHDAY_REWARDS);
    try {
      const result = await runJob('BIRTHDAY_REWARDS');
      expect(errorCode(result)).toBe('INVALID_STATE');
      expect(result.data?.runJob ?? null).toBeNull();
      const runs = (await t.ok(JOB_RUNS, { filter: { job: 'BIRTHDAY_REWARDS' } }, { token: t.adminToken }))
        .jobRuns;
      expect(runs.total).toBe(0);
    } finally {
      handlers.set(JobName.BIRTHDAY_REWARDS, handler);
    }
  });
});
