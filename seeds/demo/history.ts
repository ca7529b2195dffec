import { faker as fakerZH_CN } from '@faker-js/faker/locale/zh_CN';
import { ModuleRef } from '@nestjs/core';
import { EntityManager } from 'typeorm';
import { Principal, StaffRole } from '../../backend/src/common/auth/principal';
import { Dealership } from '../../backend/src/modules/dealerships/dealership.entity';
import { Member } from '../../backend/src/modules/members/member.entity';
import { MemberStatus } from '../../backend/src/modules/members/member.enums';
import { MembersService } from '../../backend/src/modules/members/members.service';
import { PointsService } from '../../backend/src/modules/points/points.service';
import { PointsEntry } from '../../backend/src/modules/points/points-entry.entity';
import type { SeedStep } from '../../backend/src/modules/seeding/seed-step';
import { StaffUser } from '../../backend/src/modules/staff/staff-user.entity';
import { Tier } from '../../backend/src/modules/tiers/tier.entity';
import { SalesTransaction } from '../../backend/src/modules/transactions/sales-transaction.entity';
import { TransactionsService } from '../../backend/src/modules/transactions/transactions.service';
import { Vehicle } from '../../backend/src/modules/vehicles/vehicle.entity';
import { VehiclesService } from '../../backend/src/modules/vehicles/vehicles.service';
import { planDemo, PlannedTransaction } from './plan';

const staffPrincipal = (user: StaffUser): Principal => ({
  staff: {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    dealershipId: user.dealershipId,
  },
});

/**
 * The demo group's year of business: ~300 members with their cars, a year of sales and services
 * with points and tiers earned by the programme's rules, redemptions, reversals and walk-ins.
 */
export const demoHistoryStep: SeedStep = {
  name: 'demo:members-and-history',
  async run({ manager, moduleRef }) {
    const now = new Date();
    const plan = planDemo(fakerZH_CN, now);
    const services = servicesFor(moduleRef);

    const dealerships = new Map((await manager.find(Dealership)).map((d) => [d.code, d.id]));
    const staff = await manager.find(StaffUser, { where: { active: true }, order: { username: 'ASC' } });
    const storeStaff = new Map<string, Principal[]>();
    for (const user of staff) {
      if (user.role !== StaffRole.STORE_STAFF || !user.dealershipId) continue;
      storeStaff.set(user.dealershipId, [...(storeStaff.get(user.dealershipId) ?? []), staffPrincipal(user)]);
    }
    const customerService =
      staff.find((u) => u.role === StaffRole.CUSTOMER_SERVICE) ??
      staff.find((u) => u.role === StaffRole.ADMIN)!;
    let turn = 0;
    /** Store staff of a dealership, taking turns at the desk. */
    const deskOf = (code: string): Principal => {
      const desk = storeStaff.get(dealerships.get(code)!);
      if (!desk?.length) throw new Error(`Demo dealership ${code} has no store staff`);
      return desk[turn++ % desk.length];
    };

    const memberIds = new Map<number, Member>();
    const vehicleIds = new Map<number, string>();
    const transactionIds = new Map<PlannedTransaction, string>();
    const vehicleDates: [string, Date][] = [];
    const redemptionDates: [string, Date][] = [];
    const reversalDates: [string, Date][] = [];
    let redemptions = 0;

    for (const event of plan.events) {
      switch (event.kind) {
        case 'join': {
          const planned = plan.members[event.member];
          const [first] = planned.vehicles.map((v) => plan.vehicles[v]);
          const referrer = planned.referrer !== undefined ? memberIds.get(planned.referrer) : undefined;
          const member = await services.members.create(deskOf(planned.dealership), {
            name: planned.name,
            phone: planned.phone,
            gender: planned.gender,
            birthday: planned.birthday,
            email: planned.email,
            city: planned.city,
            idNumber: planned.idNumber,
            marketingConsent: planned.marketingConsent,
            referralCode: referrer?.referralCode,
            vehicle: first.details,
          });
          memberIds.set(planned.key, member);
          const [vehicle] = await manager.find(Vehicle, {
            where: { memberId: member.id },
            select: { id: true },
          });
          vehicleIds.set(first.key, vehicle.id);
          vehicleDates.push([vehicle.id, first.addedAt]);
          // Registered online: the app or WeChat channel, and for the last few days' sign-ups not activated yet.
          const pending = planned.profile === 'PENDING';
          await manager.update(Member, member.id, {
            createdAt: planned.joinedAt,
            activatedAt: pending ? null : planned.joinedAt,
            tierAchievedAt: planned.joinedAt,
            channel: planned.channel,
            ...(pending ? { status: MemberStatus.PENDING_ACTIVATION } : {}),
          });
          break;
        }
        case 'vehicle': {
          const planned = plan.vehicles[event.vehicle];
          const owner = memberIds.get(planned.member)!;
          const dealershipId = planned.dealership ? dealerships.get(planned.dealership)! : null;
          const vehicle = await services.vehicles.addVehicle(
            manager,
            owner.id,
            planned.details,
            dealershipId,
            'vehicle',
          );
          vehicleIds.set(planned.key, vehicle.id);
          vehicleDates.push([vehicle.id, planned.addedAt]);
          break;
        }
        case 'transaction': {
          const recorded = await services.transactions.record(deskOf(event.dealership), {
            externalRef: event.ref,
            dealershipId: dealerships.get(event.dealership)!,
            memberId: event.member !== undefined ? memberIds.get(event.member)!.id : undefined,
            vehicleId: event.vehicle !== undefined ? vehicleIds.get(event.vehicle) : undefined,
            plateNumber: event.plate,
            type: event.type,
            amount: event.amount,
            occurredAt: event.at,
            mileage: event.mileage,
            description: event.description,
          });
          transactionIds.set(event, recorded.id);
          break;
        }
        case 'reversal': {
          const transactionId = transactionIds.get(event.transaction)!;
          await services.transactions.reverse(deskOf(event.transaction.dealership), {
            transactionId,
            reason: event.reason,
          });
          reversalDates.push([transactionId, event.at]);
          break;
        }
        case 'redemption': {
          // Spend what the member has, up to what they asked for, in whole yuan.
          const member = await manager.findOneByOrFail(Member, { id: memberIds.get(event.member)!.id });
          const points = Math.min(event.points, Math.floor(member.pointsBalance / 100) * 100);
          if (member.status !== MemberStatus.ACTIVE || points < 500) break;
          const entry = await services.points.redeem(deskOf(event.dealership), {
            memberId: member.id,
            points,
            reason: event.reason.replace(/（最多\d+元）/, `（${points / 100}元）`),
            dealershipId: dealerships.get(event.dealership)!,
            idempotencyKey: event.key,
          });
          redemptionDates.push([entry.id, event.at]);
          redemptions++;
          break;
        }
        case 'freeze': {
          await services.members.setStatus(staffPrincipal(customerService), {
            memberId: memberIds.get(event.member)!.id,
            status: MemberStatus.FROZEN,
            reason: event.reason,
          });
          break;
        }
      }
    }

    await backdate(manager, { vehicleDates, redemptionDates, reversalDates });

    const tiers = await manager.find(Tier, { order: { rank: 'ASC' } });
    const counts: { tierId: string; members: string | number }[] = await manager
      .createQueryBuilder(Member, 'm')
      .select('m.tierId', 'tierId')
      .addSelect('COUNT(*)', 'members')
      .groupBy('m.tierId')
      .getRawMany();
    const byTier = tiers
      .map((t) => `${t.code} ${Number(counts.find((c) => c.tierId === t.id)?.members ?? 0)}`)
      .join(', ');
    const transactions = plan.events.filter((e) => e.kind === 'transaction').length;
    return `${plan.members.length} members (${byTier}), ${plan.vehicles.length} vehicles, ${transactions} transactions, ${reversalDates.length} reversals, ${redemptions} redemptions`;
  },
};

function servicesFor(moduleRef: ModuleRef) {
  const get = <T extends object>(type: new (...args: never[]) => T) => moduleRef.get(type, { strict: false });
  return {
    // The services join the step's transaction (TransactionService), like any nested unit of work.
    members: get(MembersService),
    transactions: get(TransactionsService),
    points: get(PointsService),
    vehicles: get(VehiclesService),
  };
}

/**
 * The services stamp records with the time they ran; the demo's history happened over a year.
 * Creation times (and the ledger's) are moved to when each thing happened, so lists, dashboards
 * and segments read like a year of business. Balances, points and lots are not touched.
 */
async function backdate(
  manager: EntityManager,
  dates: {
    vehicleDates: [string, Date][];
    redemptionDates: [string, Date][];
    reversalDates: [string, Date][];
  },
) {
  for (const [id, at] of dates.vehicleDates) await manager.update(Vehicle, id, { createdAt: at });
  for (const [id, at] of dates.reversalDates) await manager.update(SalesTransaction, id, { reversedAt: at });
  for (const [id, at] of dates.redemptionDates) await manager.update(PointsEntry, id, { createdAt: at });
  await manager.query(
    'UPDATE `sales_transaction` SET `createdAt` = `occurredAt`, `updatedAt` = COALESCE(`reversedAt`, `occurredAt`)',
  );
  await manager.query(
    "UPDATE `points_entry` SET `createdAt` = (SELECT t.`occurredAt` FROM `sales_transaction` t WHERE t.`id` = `points_entry`.`sourceId`) WHERE `sourceType` = 'TRANSACTION' AND `type` = 'EARN'",
  );
  await manager.query(
    "UPDATE `points_entry` SET `createdAt` = (SELECT t.`reversedAt` FROM `sales_transaction` t WHERE t.`id` = `points_entry`.`sourceId`) WHERE `sourceType` = 'TRANSACTION' AND `type` = 'REVERSAL'",
  );
  await manager.query('UPDATE `points_lot` SET `createdAt` = `earnedAt`');
  // The tier-upgrade messages queued on the way belong to a past that never reached a phone: not to be sent.
  await manager.query("UPDATE `notification` SET `status` = 'SKIPPED' WHERE `status` = 'PENDING'");
}
