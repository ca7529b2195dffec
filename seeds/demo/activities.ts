import { fromZonedTime } from 'date-fns-tz';
import { EntityManager, Like } from 'typeorm';
import { Principal, StaffRole } from '../../backend/src/common/auth/principal';
import { addDaysToDate, localDate } from '../../backend/src/common/time';
import { APP_CONFIG, AppConfig } from '../../backend/src/config/app-config';
import { ActivitiesService } from '../../backend/src/modules/activities/activities.service';
import { ActivityLifecycleJob } from '../../backend/src/modules/activities/activity-lifecycle.job';
import { ActivityParticipation } from '../../backend/src/modules/activities/activity-participation.entity';
import { ActivityParticipationsService } from '../../backend/src/modules/activities/activity-participations.service';
import { Activity } from '../../backend/src/modules/activities/activity.entity';
import { ActivityType } from '../../backend/src/modules/activities/activity.enums';
import { Dealership } from '../../backend/src/modules/dealerships/dealership.entity';
import { Member } from '../../backend/src/modules/members/member.entity';
import { MemberStatus } from '../../backend/src/modules/members/member.enums';
import { PointsEntry, PointsEntryType } from '../../backend/src/modules/points/points-entry.entity';
import type { SeedStep } from '../../backend/src/modules/seeding/seed-step';
import { StaffUser } from '../../backend/src/modules/staff/staff-user.entity';
import { Tier } from '../../backend/src/modules/tiers/tier.entity';
import { TransactionType } from '../../backend/src/modules/transactions/transaction.enums';
import { TransactionsService } from '../../backend/src/modules/transactions/transactions.service';
import { Vehicle } from '../../backend/src/modules/vehicles/vehicle.entity';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The demo group's marketing calendar, configured and run through the activity services:
 * 双倍积分保养月 at the two Shanghai stores (ACTIVE, with the maintenance it doubled), 新车试驾日 in
 * Beijing (SCHEDULED, with sign-ups), last month's 老车主品鉴会 in Pudong (SETTLED: check-ins rewarded
 * by the lifecycle job), 会员生日月 and 推荐有礼 campaigns (ACTIVE), a Gold/Platinum bonus still in
 * DRAFT and a cancelled wash promotion.
 */
export const demoActivitiesStep: SeedStep = {
  name: 'demo:activities',
  async run({ manager, moduleRef }) {
    const get = <T extends object>(type: new (...args: never[]) => T) => moduleRef.get(type, { strict: false });
    const activities = get(ActivitiesService);
    const participations = get(ActivityParticipationsService);
    const lifecycle = get(ActivityLifecycleJob);
    const transactions = get(TransactionsService);
    const timeZone = moduleRef.get<AppConfig>(APP_CONFIG, { strict: false }).programmeTimeZone;

    const now = new Date();
    const today = localDate(now, timeZone);
    /** A local wall-clock time `days` from today in the programme time zone. */
    const local = (days: number, time: string) => fromZonedTime(`${addDaysToDate(today, days)}T${time}:00`, timeZone);
    const stores = new Map((await manager.find(Dealership)).map((d) => [d.code, d.id]));
    const tiers = new Map((await manager.find(Tier)).map((t) => [t.code, t.id]));
    const desk = await deskStaff(manager);
    const membersOf = (code: string) =>
      manager.find(Member, { where: { homeDealershipId: stores.get(code)!, status: MemberStatus.ACTIVE }, order: { createdAt: 'ASC', id: 'ASC' } });

    // Last month's owner gathering in Pudong: signed up and checked in while it ran, settled a day
    // after it ended. It runs through the services live, then its dates move back to when it was.
    const gatheringStart = local(-24, '14:00');
    const gathering = await activities.create({
      name: '老车主品鉴会',
      description: '宝马老车主新款X5静态品鉴与下午茶，到场签到赠送300积分。',
      type: ActivityType.EVENT,
      startsAt: new Date(now.getTime() - HOUR),
      endsAt: new Date(now.getTime() + 3 * HOUR),
      dealershipIds: [stores.get('SH-PD-BMW')!],
      rewardPoints: 300,
      capacity: 20,
      fixedCost: 1_200_000,
    });
    await activities.publish(gathering.id);
    const pudong = (await membersOf('SH-PD-BMW')).slice(0, 15);
    const pudongDesk = desk.get(stores.get('SH-PD-BMW')!)!;
    for (const [index, member] of pudong.entries()) {
      const signUp = await participations.register({ activityId: gathering.id, memberId: member.id });
      if (index % 4 !== 3) await participations.checkIn(pudongDesk, { participationId: signUp.id });
    }
    const shift = gatheringStart.getTime() - (now.getTime() - HOUR);
    await moveBack(manager, gathering.id, shift, { announceAt: new Date(gatheringStart.getTime() - 7 * DAY) });
    // Three guests bought accessories at the gathering: the event's revenue.
    const checkedIn = await manager.find(ActivityParticipation, { where: { activityId: gathering.id }, order: { registeredAt: 'ASC', id: 'ASC' } });
    for (const [index, p] of checkedIn.filter((x) => x.checkedInAt).slice(0, 3).entries()) {
      await transactions.record(pudongDesk, {
        externalRef: `DEMO-ACT-PD-EVT-${index}`,
        dealershipId: stores.get('SH-PD-BMW')!,
        memberId: p.memberId,
        type: TransactionType.ACCESSORY,
        amount: [368_000, 128_800, 89_900][index],
        occurredAt: new Date(gatheringStart.getTime() + (index + 1) * 50 * 60_000),
        description: ['原厂轮毂升级套装', '车载冰箱', '全车脚垫+后备箱垫'][index],
      });
    }
    const settledAt = new Date(gatheringStart.getTime() + 4 * HOUR + DAY);
    await lifecycle.advance(settledAt, manager);
    await manager.update(
      PointsEntry,
      { type: PointsEntryType.ACTIVITY, sourceId: gathering.id },
      { createdAt: settledAt },
    );

    // Double points on maintenance at the two Shanghai stores, running since ten days ago.
    const double = await activities.create({
      name: '双倍积分保养月',
      description: '活动期间在上海两店做常规保养，积分翻倍（按会员等级倍率再乘2）。',
      type: ActivityType.POINTS_MULTIPLIER,
      announceAt: local(-15, '09:00'),
      startsAt: local(-10, '00:00'),
      endsAt: local(21, '00:00'),
      dealershipIds: [stores.get('SH-PD-BMW')!, stores.get('SH-MH-VW')!],
      transactionTypes: [TransactionType.MAINTENANCE],
      multiplier: 2,
      budgetPoints: 300_000,
      fixedCost: 300_000,
    });
    await activities.publish(double.id);
    let doubled = 0;
    for (const code of ['SH-PD-BMW', 'SH-MH-VW']) {
      const storeId = stores.get(code)!;
      const members = (await membersOf(code)).slice(15, 27);
      for (const member of members) {
        const vehicle = await manager.findOne(Vehicle, { where: { memberId: member.id, plateNumber: Like('沪%') }, order: { createdAt: 'ASC', id: 'ASC' } });
        if (!vehicle) continue;
        const i = doubled++;
        await transactions.record(desk.get(storeId)!, {
          externalRef: `DEMO-ACT-${code}-${String(i).padStart(3, '0')}`,
          dealershipId: storeId,
          memberId: member.id,
          vehicleId: vehicle.id,
          type: TransactionType.MAINTENANCE,
          amount: 58_000 + ((i * 37_700) % 180_000),
          occurredAt: new Date(Math.min(local(-9 + (i % 10), '09:30').getTime() + (i % 7) * 50 * 60_000, now.getTime() - HOUR)),
          mileage: (vehicle.mileage ?? 0) + 3_000 + (i % 5) * 400,
          description: '常规保养（机油、机滤）· 双倍积分保养月',
        });
      }
    }

    // Test-drive day in Beijing next week, announced, with sign-ups taken at the desk.
    const testDrive = await activities.create({
      name: '新车试驾日',
      description: '全新奥迪Q6 e-tron试驾体验，到场签到赠送200积分，名额30个。',
      type: ActivityType.EVENT,
      announceAt: local(-3, '10:00'),
      startsAt: local(4, '10:00'),
      endsAt: local(4, '17:00'),
      dealershipIds: [stores.get('BJ-CY-AUDI')!],
      rewardPoints: 200,
      capacity: 30,
      budgetPoints: 6_000,
      fixedCost: 800_000,
    });
    await activities.publish(testDrive.id);
    const beijing = await membersOf('BJ-CY-AUDI');
    const signUps = beijing.filter((_, i) => i % 4 === 1).slice(0, 12);
    for (const member of signUps) await participations.register({ activityId: testDrive.id, memberId: member.id });

    // Month-long campaigns: birthday month and refer-a-friend.
    const monthStart = `${today.slice(0, 8)}01`;
    const birthday = await activities.create({
      name: '会员生日月',
      description: '生日当月到店赠送生日积分200分及精致洗车一次。',
      type: ActivityType.BIRTHDAY,
      startsAt: fromZonedTime(`${monthStart}T00:00:00`, timeZone),
      endsAt: fromZonedTime(`${nextMonth(monthStart)}T00:00:00`, timeZone),
      fixedCost: 150_000,
    });
    await activities.publish(birthday.id);
    const referral = await activities.create({
      name: '推荐有礼',
      description: '推荐亲友入会并购车，推荐人获赠1000积分（每年最多10次）。',
      type: ActivityType.REFERRAL,
      announceAt: local(-35, '09:00'),
      startsAt: local(-30, '00:00'),
      endsAt: local(61, '00:00'),
      fixedCost: 200_000,
    });
    await activities.publish(referral.id);

    // Still being planned: a Gold/Platinum spend bonus next month.
    await activities.create({
      name: '金卡尊享 满1000送500',
      description: '金卡、白金会员单笔维修或配件满1000元加赠500积分。',
      type: ActivityType.BONUS_POINTS,
      announceAt: local(25, '09:00'),
      startsAt: local(30, '00:00'),
      endsAt: local(60, '00:00'),
      eligibleTierIds: [tiers.get('GOLD')!, tiers.get('PLATINUM')!],
      transactionTypes: [TransactionType.REPAIR, TransactionType.PARTS],
      minAmount: 100_000,
      bonusPoints: 500,
      budgetPoints: 50_000,
    });
    // Called off before it started.
    const wash = await activities.create({
      name: '洗车三倍积分周',
      type: ActivityType.POINTS_MULTIPLIER,
      startsAt: local(7, '00:00'),
      endsAt: local(14, '00:00'),
      dealershipIds: [stores.get('HZ-XH-SVC')!],
      transactionTypes: [TransactionType.WASH],
      multiplier: 3,
    });
    await activities.publish(wash.id);
    await activities.cancel({ activityId: wash.id, reason: '洗车工位改造，活动取消' });

    const issued = await manager.findOneByOrFail(Activity, { id: double.id });
    const rewarded = await manager.countBy(ActivityParticipation, { activityId: gathering.id, rewardedPoints: 300 });
    return `7 activities: ${doubled} maintenance visits with double points (${issued.pointsIssued} points), ${rewarded} rewarded at 老车主品鉴会, ${signUps.length} sign-ups for 新车试驾日`;
  },
};

/** Store staff principals by dealership, for desk operations. */
async function deskStaff(manager: EntityManager): Promise<Map<string, Principal>> {
  const desk = new Map<string, Principal>();
  for (const user of await manager.find(StaffUser, { where: { role: StaffRole.STORE_STAFF }, order: { username: 'ASC' } })) {
    if (user.dealershipId && !desk.has(user.dealershipId)) {
      desk.set(user.dealershipId, { staff: { id: user.id, username: user.username, name: user.name, role: user.role, dealershipId: user.dealershipId } });
    }
  }
  return desk;
}

/** Moves an activity that ran live back in time by `shift` ms, with its sign-ups and check-ins. */
async function moveBack(manager: EntityManager, activityId: string, shift: number, extra: Partial<Activity>) {
  const activity = await manager.findOneByOrFail(Activity, { id: activityId });
  const back = (d: Date | null) => (d ? new Date(d.getTime() + shift) : null);
  await manager.update(Activity, activityId, {
    startsAt: back(activity.startsAt)!,
    endsAt: back(activity.endsAt)!,
    publishedAt: back(activity.publishedAt),
    createdAt: back(activity.createdAt)!,
    ...extra,
  });
  // Signed up in the week before, checked in on the day.
  const signUps = await manager.find(ActivityParticipation, { where: { activityId }, order: { registeredAt: 'ASC', id: 'ASC' } });
  for (const [index, p] of signUps.entries()) {
    const registeredAt = new Date(back(p.registeredAt)!.getTime() - 6 * DAY + index * 7 * HOUR);
    await manager.update(ActivityParticipation, p.id, { registeredAt, checkedInAt: back(p.checkedInAt), createdAt: registeredAt });
  }
}

function nextMonth(firstOfMonth: string): string {
  const [y, m] = firstOfMonth.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
