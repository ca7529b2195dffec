import { DataSource, FindOptionsWhere } from 'typeorm';
import { newId } from '../../backend/src/common/entity';
import { Activity } from '../../backend/src/modules/activities/activity.entity';
import { ActivityParticipation, ParticipationStatus } from '../../backend/src/modules/activities/activity-participation.entity';
import { ActivityStatus, ActivityType } from '../../backend/src/modules/activities/activity.enums';
import { Benefit } from '../../backend/src/modules/benefits/benefit.entity';
import { BenefitPeriod, BenefitType, MemberBenefitStatus } from '../../backend/src/modules/benefits/benefit.enums';
import { MemberBenefit } from '../../backend/src/modules/benefits/member-benefit.entity';
import { Member } from '../../backend/src/modules/members/member.entity';
import { MemberStatus } from '../../backend/src/modules/members/member.enums';
import { Notification } from '../../backend/src/modules/notifications/notification.entity';
import { PointsLot } from '../../backend/src/modules/points/points-lot.entity';
import { RemindersJob } from '../../backend/src/modules/reminders/reminders.job';
import { Vehicle } from '../../backend/src/modules/vehicles/vehicle.entity';
import { RUN_JOB } from './support/contract';
import { createDealership, createMember, recordTransaction, uniqueVin } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** 09:00 Shanghai on 2027-03-10. */
const AS_OF = new Date('2027-03-10T01:00:00.000Z');
const DAY = 86_400_000;

describe('REMINDERS', () => {
  let t: TestApp;

  const runJob = async (app: TestApp, job: string, asOf: Date) => {
    const data = await app.ok(RUN_JOB, { input: { job, asOf: asOf.toISOString() } }, { token: app.adminToken });
    return data.runJob as { status: string; processed: number; affected: number; error: string | null };
  };
  const notifications = (where: FindOptionsWhere<Notification> = {}) => t.dataSource.getRepository(Notification).find({ where, order: { dedupeKey: 'ASC' } });
  const reminders = async () => (await notifications()).filter((n) => n.dedupeKey.startsWith('reminder:'));

  let m1: Awaited<ReturnType<typeof createMember>>;
  let m2: Awaited<ReturnType<typeof createMember>>;
  let pendingId: string;
  let memberBenefitId: string;
  let activityId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const ds = t.dataSource;
    m1 = await createMember(t, {
      name: '王小明',
      birthday: '1990-03-10',
      marketingConsent: true,
      vehicle: { vin: uniqueVin(), plateNumber: '沪A12345', inspectionDueDate: '2027-04-01', insuranceExpiryDate: '2027-04-20' },
    });
    m2 = await createMember(t, {
      name: 'John Smith',
      birthday: '1985-03-10',
      marketingConsent: false,
      vehicle: { vin: uniqueVin(), plateNumber: '沪B54321', insuranceExpiryDate: '2027-03-30' },
    });
    await ds.getRepository(Vehicle).update({ id: m1.vehicles[0].id }, { nextServiceDueDate: '2027-03-15' });
    await ds.getRepository(Vehicle).update({ id: m2.vehicles[0].id }, { nextServiceDueDate: '2027-03-20' }); // 10 days: not yet
    // Points expiring at the end of March (Shanghai).
    await ds.getRepository(PointsLot).insert({
      id: newId(),
      memberId: m1.id,
      entryId: newId(),
      transactionId: null,
      points: 500,
      remaining: 300,
      earnedAt: new Date('2025-03-05T00:00:00Z'),
      expiresAt: new Date('2027-03-31T15:59:59.999Z'),
      expiredAt: null,
    });
    // An unused benefit lapsing in 10 days.
    const benefitId = newId();
    await ds.getRepository(Benefit).insert({
      id: benefitId,
      code: `B${Date.now()}`,
      name: '免费洗车',
      description: null,
      type: BenefitType.FREE_SERVICE,
      period: BenefitPeriod.YEAR,
      quota: 2,
      value: null,
      tierIds: [],
      quotaByTier: null,
      active: true,
    } as never);
    memberBenefitId = newId();
    await ds.getRepository(MemberBenefit).insert({
      id: memberBenefitId,
      memberId: m1.id,
      benefitId,
      tierId: m1.tierId,
      quota: 2,
      used: 1,
      periodStart: new Date(AS_OF.getTime() - 355 * DAY),
      periodEnd: new Date(AS_OF.getTime() + 10 * DAY),
      status: MemberBenefitStatus.ACTIVE,
    });
    // An EVENT tomorrow 14:00 Shanghai, both members registered.
    activityId = newId();
    await ds.getRepository(Activity).insert({
      id: activityId,
      name: '车主交流会',
      description: null,
      type: ActivityType.EVENT,
      status: ActivityStatus.SCHEDULED,
      announceAt: null,
      startsAt: new Date('2027-03-11T06:00:00Z'),
      endsAt: new Date('2027-03-11T09:00:00Z'),
      eligibleTierIds: [],
      dealershipIds: [],
      transactionTypes: [],
      pointsIssued: 0,
    } as never);
    for (const memberId of [m1.id, m2.id]) {
      await ds
        .getRepository(ActivityParticipation)
        .insert({ id: newId(), activityId, memberId, status: ParticipationStatus.REGISTERED, registeredAt: new Date('2027-03-01T00:00:00Z') } as never);
    }
    // An online registration made 6 days ago: lapses tomorrow.
    const pending = await createMember(t, { name: '李待激活' });
    pendingId = pending.id;
    await ds.getRepository(Member).update({ id: pendingId }, { status: MemberStatus.PENDING_ACTIVATION, createdAt: new Date(AS_OF.getTime() - 6 * DAY + 3_600_000) });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('queues every kind once, with consent, in Chinese (English for a name without Chinese)', async () => {
    const run = await runJob(t, 'REMINDERS', AS_OF);
    expect(run).toMatchObject({ status: 'SUCCEEDED', error: null });
    const keys = (await reminders()).map((n) => n.dedupeKey).sort();
    expect(keys).toEqual(
      [
        `reminder:MAINTENANCE_DUE:${m1.vehicles[0].id}:2027-03-15`,
        `reminder:INSPECTION_DUE:${m1.vehicles[0].id}:2027-04-01`,
        `reminder:INSURANCE_DUE:${m2.vehicles[0].id}:2027-03-30`,
        `reminder:BIRTHDAY:${m1.id}:2027-03-10`,
        `reminder:POINTS_EXPIRING:${m1.id}:2027-03-31`,
        `reminder:BENEFIT_EXPIRING:${memberBenefitId}:2027-03-20`,
        `reminder:ACTIVITY_STARTING:${activityId}:${m1.id}:2027-03-11`,
        `reminder:ACTIVATION_LAPSING:${pendingId}:2027-03-11`,
      ].sort(),
    );
    expect(run.affected).toBe(8);
    const all = await reminders();
    const byTemplate = (template: string) => all.find((n) => n.template === template)!;
    expect(byTemplate('MAINTENANCE_DUE').body).toBe('尊敬的王小明，您的爱车沪A12345预计于2027-03-15需要保养，欢迎预约到店。');
    expect(byTemplate('POINTS_EXPIRING').body).toContain('300积分将于2027-03-31过期');
    expect(byTemplate('BENEFIT_EXPIRING').body).toContain('免费洗车');
    expect(byTemplate('ACTIVITY_STARTING').body).toContain('2027-03-11 14:00');
    expect(byTemplate('INSURANCE_DUE').body).toBe('Dear John Smith, the insurance of your car 沪B54321 expires on 2027-03-30. Renew it with us.');
    expect(byTemplate('INSURANCE_DUE').data).toMatchObject({ locale: 'en' });
    expect(byTemplate('MAINTENANCE_DUE').data).toMatchObject({ locale: 'zh-CN' });
    // Nothing for the member without consent among marketing messages.
    expect(all.filter((n) => n.memberId === m2.id).map((n) => n.template)).toEqual(['INSURANCE_DUE']);
    // At 09:00 nothing is held.
    for (const n of all) expect(n.scheduledAt.toISOString()).toBe(AS_OF.toISOString());
  });

  it('queues nothing twice, however often it runs', async () => {
    const before = (await notifications()).length;
    for (const asOf of [AS_OF, new Date(AS_OF.getTime() + 3_600_000), new Date(AS_OF.getTime() + 2 * DAY)]) {
      const run = await runJob(t, 'REMINDERS', asOf);
      expect(run.status).toBe('SUCCEEDED');
    }
    const after = await reminders();
    // Two days later only new due dates could appear; the same ones never again.
    expect(new Set(after.map((n) => n.dedupeKey)).size).toBe(after.length);
    expect(after.filter((n) => n.dedupeKey.includes('2027-03-15') && n.template === 'MAINTENANCE_DUE')).toHaveLength(1);
    expect(after.length).toBeGreaterThanOrEqual(before);
  });

  it('holds marketing messages in quiet hours until 08:00 and dispatch does not send them early', async () => {
    const m3 = await createMember(t, { name: '赵夜猫', birthday: '1992-06-01', marketingConsent: true });
    const night = new Date('2027-06-01T14:30:00Z'); // 22:30 Shanghai
    expect(await runJob(t, 'REMINDERS', night)).toMatchObject({ status: 'SUCCEEDED' });
    const [held] = await notifications({ dedupeKey: `reminder:BIRTHDAY:${m3.id}:2027-06-01` });
    expect(held.scheduledAt.toISOString()).toBe('2027-06-02T00:00:00.000Z'); // 08:00 next morning
    expect(held.status).toBe('PENDING');
    await runJob(t, 'NOTIFICATION_DISPATCH', new Date('2027-06-01T23:59:00Z'));
    expect((await notifications({ id: held.id }))[0].status).toBe('PENDING');
    await runJob(t, 'NOTIFICATION_DISPATCH', new Date('2027-06-02T00:00:00Z'));
    expect((await notifications({ id: held.id }))[0].status).toBe('SENT');
  });

  it('predicts maintenance from the average daily km between the last two services', async () => {
    const dealershipId = await createDealership(t);
    const member = await createMember(t, { name: '孙保养', vehicle: { vin: uniqueVin(), plateNumber: '沪C11111' } });
    const vehicleId = member.vehicles[0].id;
    const last = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - 20, 2));
    const first = new Date(last.getTime() - 180 * DAY);
    await recordTransaction(t, { dealershipId, memberId: member.id, vehicleId, occurredAt: first.toISOString(), mileage: 10_000 });
    await recordTransaction(t, { dealershipId, memberId: member.id, vehicleId, occurredAt: last.toISOString(), mileage: 16_000 });
    const vehicle = await t.dataSource.getRepository(Vehicle).findOneByOrFail({ id: vehicleId });
    expect(vehicle.avgDailyKm).toBeCloseTo(33.33, 1);
    const lastLocal = new Date(last.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const expected = new Date(Date.parse(`${lastLocal}T00:00:00Z`) + 150 * DAY).toISOString().slice(0, 10);
    expect(vehicle.nextServiceDueDate).toBe(expected); // 5,000 km at 33.3 km/day: 150 days, before 6 months
    expect(vehicle.nextServiceDueMileage).toBe(21_000);
    // Reminded 7 days ahead, at 09:00 Shanghai.
    const asOf = new Date(Date.parse(`${expected}T01:00:00Z`) - 7 * DAY);
    await runJob(t, 'REMINDERS', asOf);
    expect(await notifications({ dedupeKey: `reminder:MAINTENANCE_DUE:${vehicleId}:${expected}` })).toHaveLength(1);
    // Eight days ahead: not yet (a fresh vehicle due date would not be queued then).
  });

  it('finishes a run that crashed part-way, without duplicates', async () => {
    const job = t.app.get(RemindersJob);
    const asOf = new Date('2027-09-15T01:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const m = await createMember(t, { name: `周${i}`, vehicle: { vin: uniqueVin(), inspectionDueDate: '2027-09-20' } });
      ids.push(m.vehicles[0].id);
    }
    const due = async () =>
      (await notifications({ template: 'INSPECTION_DUE' as never })).filter((n) => n.dedupeKey.endsWith(':2027-09-20'));
    job.chunkSize = 2;
    job.failAfterChunks = 1;
    try {
      const crashed = await runJob(t, 'REMINDERS', asOf);
      expect(crashed.status).toBe('FAILED');
      // The first chunk queued, then crashed; on MariaDB the chunks already under way finished too.
      const partial = (await due()).length;
      expect(partial).toBeGreaterThanOrEqual(2);
      expect(partial).toBeLessThan(12);
      job.failAfterChunks = null;
      const resumed = await runJob(t, 'REMINDERS', asOf);
      expect(resumed).toMatchObject({ status: 'SUCCEEDED', affected: 12 - partial });
      expect((await due()).map((n) => n.dedupeKey).sort()).toEqual(ids.map((id) => `reminder:INSPECTION_DUE:${id}:2027-09-20`).sort());
    } finally {
      job.chunkSize = 1000;
      job.failAfterChunks = null;
    }
  });

  // Two API processes share a MariaDB/MySQL server; SQLite is one process's file (two apps in one
  // Node process block each other's synchronous better-sqlite3 connections), so MariaDB only.
  const onMysql = /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '') ? it : it.skip;
  onMysql('two app instances on one database running at the same moment queue each reminder once', async () => {
    // The same database as the first instance (startTestApp made a fresh one for this file).
    const options = t.dataSource.options as { database?: string; url?: string };
    const second = await t.startReplica();
    try {
      const asOf = new Date('2027-11-03T01:00:00Z');
      for (let i = 0; i < 4; i++) {
        await createMember(t, { name: `吴${i}`, vehicle: { vin: uniqueVin(), insuranceExpiryDate: '2027-11-20' } });
      }
      const { JobsService } = await import('../../backend/src/modules/jobs/jobs.service');
      const { JobName } = await import('../../backend/src/modules/jobs/job-name');
      const runs = await Promise.all([
        t.app.get(JobsService).run(JobName.REMINDERS, { asOf }),
        second.get(JobsService).run(JobName.REMINDERS, { asOf }),
        t.app.get(JobsService).run(JobName.REMINDERS, { asOf }),
        second.get(JobsService).run(JobName.REMINDERS, { asOf }),
      ]);
      expect(runs.map((r) => [r.status, r.error]).filter(([s]) => s !== 'SKIPPED')).toEqual([['SUCCEEDED', null]]);
      // Once more after the lease is free, from both.
      await t.app.get(JobsService).run(JobName.REMINDERS, { asOf });
      await second.get(JobsService).run(JobName.REMINDERS, { asOf });
      const queued = (await notifications({ template: 'INSURANCE_DUE' as never })).filter((n) => n.dedupeKey.endsWith(':2027-11-20'));
      expect(queued).toHaveLength(4);
      const secondOptions = second.get(DataSource).options as { database?: string; url?: string };
      expect(secondOptions.database ?? secondOptions.url).toBe(options.database ?? options.url);
    } finally {
      await second.close();
    }
  });
});
