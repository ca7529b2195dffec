import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '../../common/auth';
import { dialectOf, SqlDialect } from '../../common/database';
import { BadUserInputError, ForbiddenError } from '../../common/errors';
import { addDaysToDate, daysBetweenDates, localDate, utcOffsetMinutes } from '../../common/time';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ParticipationStatus } from '../activities/activity-participation.entity';
import { ActivityStatus, ActivityType } from '../activities/activity.enums';
import { ComplaintStatus } from '../complaints/complaint.enums';
import { FollowUpStatus } from '../follow-ups/follow-up.enums';
import { MemberSegment, MemberStatus } from '../members/member.enums';
import { storeOf } from '../members/member-access';
import { PointsEntryType } from '../points/points-entry.entity';
import { ReportsService } from '../reports/reports.service';
import { TransactionStatus } from '../transactions/transaction.enums';
import { Dashboard, DailyCount, DashboardFilter, SegmentCount, TierCount } from './insights.types';

/** A dashboard period is at most this long (so newMembersByDay lists at most 401 days). */
export const MAX_DASHBOARD_DAYS = 400;
const DAY_MS = 86_400_000;
/** Members are active when they bought or were serviced this many days before `to`. */
const ACTIVE_DAYS = 30;

/** Points entry types whose positive entries count as points issued. */
const ISSUING_TYPES = [
  PointsEntryType.EARN,
  PointsEntryType.ACTIVITY,
  PointsEntryType.REFERRAL,
  PointsEntryType.BIRTHDAY,
  PointsEntryType.ADJUST,
];
/** Statuses of registrations that never became memberships: not counted at any instant. */
const NOT_MEMBERS = [MemberStatus.PENDING_ACTIVATION, MemberStatus.LAPSED];
const SIGNED_UP = [
  ParticipationStatus.REGISTERED,
  ParticipationStatus.CHECKED_IN,
  ParticipationStatus.REWARDED,
];
const CHECKED_IN = [ParticipationStatus.CHECKED_IN, ParticipationStatus.REWARDED];
const SETTLED_COMPLAINT = [ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED];
/** Segments in the order the dashboard lists them. */
const SEGMENTS = Object.values(MemberSegment);

const num = (value: unknown) => Number(value ?? 0);
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * One raw statement's text and its positional parameters, built together so that every `?`
 * lines up with its value: `p(value)` appends the value and returns the placeholder.
 */
class Statement {
  readonly params: unknown[] = [];
  p = (value: unknown): string => {
    this.params.push(value);
    return '?';
  };
  list = (values: readonly unknown[]): string => values.map(this.p).join(', ');
}

/**
 * The KPI dashboard, computed by a fixed number of grouped SQL statements (never by loading
 * member rows), so its cost in statements does not grow with the data. Definitions (also in the
 * schema's field descriptions):
 *
 * - counted members at T: created before T, status not PENDING_ACTIVATION/LAPSED, not erased
 *   before T (by `erasedAt`); FROZEN and CANCELLED members are counted;
 * - totalMembers = counted at `to`; newMembers = counted at `to` and created in [from, to);
 *   memberGrowthRate = newMembers / counted at `from`;
 * - activeMembers30d: counted at `to` with a paid (amount > 0) transaction at any store that
 *   occurred in [to − 30 d, to) and was not reversed before `to`;
 * - tier at `to`: the current tier when `to` is not in the past, otherwise from `tier_change`
 *   (the last change before `to`, else the tier the first later change started from);
 *   highValueRatio = counted members whose tier ranks above the lowest rank / totalMembers;
 * - points by entry `createdAt` in [from, to): issued = positive EARN/ACTIVITY/REFERRAL/BIRTHDAY/
 *   ADJUST (gross), redeemed = −REDEEM, expired = −EXPIRE;
 * - activityParticipationRate: checked-in / signed-up participations of non-cancelled EVENT
 *   activities starting in [from, to);
 * - complaints created in [from, to): count, share now RESOLVED/CLOSED, mean hours created →
 *   resolved of those; overdueComplaints is a snapshot now, whatever the period;
 * - followUpCompletionRate over calls due in [from, to), not cancelled: DONE / (DONE +
 *   UNREACHABLE + PENDING past due now);
 * - avgSatisfaction: every score of follow-ups completed (DONE) and complaints closed in
 *   [from, to), pooled;
 * - storedValueBalance: the stored-value liability at `to` (ReportsService.liability).
 *
 * With a dealership: members (and so points, participations, tiers, segments) by home
 * dealership; transactions count for activity wherever they happened; complaints and follow-ups
 * by their own `dealershipId` (those without one count for the group only); stored value by the
 * issuing dealership.
 */
@Injectable()
export class InsightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: ReportsService,
  ) {}

  async dashboard(principal: Principal, filter: DashboardFilter): Promise<Dashboard> {
    const { from, to } = filter;
    if (to <= from) throw new BadUserInputError({ 'filter.to': 'must be after filter.from' });
    if (to.getTime() - from.getTime() > MAX_DASHBOARD_DAYS * DAY_MS) {
      throw new BadUserInputError({ 'filter.to': `the period is at most ${MAX_DASHBOARD_DAYS} days` });
    }
    const store = storeOf(principal);
    if (store && filter.dealershipId && filter.dealershipId !== store) {
      throw new ForbiddenError('Store staff see the dashboard of their own dealership only');
    }
    const dealershipId = store ?? filter.dealershipId ?? null;
    if (dealershipId && !store) {
      const [found] = await this.dataSource.query('SELECT `id` FROM `dealership` WHERE `id` = ?', [
        dealershipId,
      ]);
      if (!found) throw new BadUserInputError({ 'filter.dealershipId': 'is not an existing dealership' });
    }
    const now = new Date();
    const scope = { from, to, now, dealershipId, sql: dialectOf(this.dataSource) };
    const [
      members,
      tiers,
      segments,
      days,
      points,
      participation,
      complaints,
      overdue,
      followUps,
      satisfaction,
      liability,
    ] = await Promise.all([
      this.memberFigures(scope),
      this.tierDistribution(scope),
      this.segmentCounts(scope),
      this.newMembersByDay(scope),
      this.pointsFigures(scope),
      this.participationRate(scope),
      this.complaintFigures(scope),
      this.overdueComplaints(scope),
      this.followUpCompletion(scope),
      this.satisfaction(scope),
      this.reports.liability(principal, to, dealershipId),
    ]);
    const lowestRank = Math.min(...tiers.map((t) => t.rank));
    const highValue = tiers.filter((t) => t.rank > lowestRank).reduce((sum, t) => sum + t.count, 0);
    return {
      totalMembers: members.total,
      newMembers: members.newMembers,
      memberGrowthRate: ratio(members.newMembers, members.atFrom),
      activeMembers30d: members.active,
      activeRate: ratio(members.active, members.total),
      highValueRatio: ratio(highValue, members.total),
      ...points,
      activityParticipationRate: participation,
      ...complaints,
      overdueComplaints: overdue,
      followUpCompletionRate: followUps,
      avgSatisfaction: satisfaction,
      storedValueBalance: liability.totalBalance,
      tierDistribution: tiers.map(({ tierId, count }) => ({ tierId, count })),
      newMembersByDay: days,
      segments,
    };
  }

  /** `m` counted as a member at `at` (see the class comment). */
  private counted(q: Statement, at: Date, sql: SqlDialect): string {
    return `(m.\`createdAt\` < ${q.p(sql.dateTime(at))} AND m.\`status\` NOT IN (${q.list(NOT_MEMBERS)})
             AND (m.\`status\` <> ${q.p(MemberStatus.ERASED)} OR m.\`erasedAt\` >= ${q.p(sql.dateTime(at))}))`;
  }

  /** Members counted at `to` (of the dealership, when given): the population of the member figures. */
  private population(q: Statement, scope: Scope): string {
    const counted = this.counted(q, scope.to, scope.sql); // first: its placeholders come first
    return scope.dealershipId
      ? `${counted} AND m.\`homeDealershipId\` = ${q.p(scope.dealershipId)}`
      : counted;
  }

  private async memberFigures(scope: Scope) {
    const { sql, from, to } = scope;
    const q = new Statement();
    const text = `SELECT COUNT(*) AS total,
              SUM(CASE WHEN m.\`createdAt\` >= ${q.p(sql.dateTime(from))} THEN 1 ELSE 0 END) AS newMembers,
              SUM(CASE WHEN ${this.counted(q, from, sql)} THEN 1 ELSE 0 END) AS atFrom,
              SUM(CASE WHEN EXISTS (
                    SELECT 1 FROM \`sales_transaction\` s
                     WHERE s.\`memberId\` = m.\`id\` AND s.\`amount\` > 0
                       AND s.\`occurredAt\` >= ${q.p(sql.dateTime(new Date(to.getTime() - ACTIVE_DAYS * DAY_MS)))}
                       AND s.\`occurredAt\` < ${q.p(sql.dateTime(to))}
                       AND (s.\`status\` = ${q.p(TransactionStatus.POSTED)} OR s.\`reversedAt\` >= ${q.p(sql.dateTime(to))})
                  ) THEN 1 ELSE 0 END) AS active
         FROM \`member\` m
        WHERE ${this.population(q, scope)}`;
    const [row]: Record<string, unknown>[] = await this.dataSource.query(text, q.params);
    return {
      total: num(row?.total),
      newMembers: num(row?.newMembers),
      atFrom: num(row?.atFrom),
      active: num(row?.active),
    };
  }

  /** Every tier by rank with its counted members at `to`, by the tier they held at `to`. */
  private async tierDistribution(scope: Scope): Promise<(TierCount & { rank: number })[]> {
    const { sql, to, now } = scope;
    const q = new Statement();
    const tierAt =
      to >= now
        ? 'm.`tierId`'
        : `COALESCE(
             (SELECT c.\`toTierId\` FROM \`tier_change\` c WHERE c.\`memberId\` = m.\`id\` AND c.\`createdAt\` < ${q.p(sql.dateTime(to))}
               ORDER BY c.\`createdAt\` DESC, c.\`id\` DESC LIMIT 1),
             (SELECT c.\`fromTierId\` FROM \`tier_change\` c WHERE c.\`memberId\` = m.\`id\` AND c.\`createdAt\` >= ${q.p(sql.dateTime(to))}
               ORDER BY c.\`createdAt\`, c.\`id\` LIMIT 1),
             m.\`tierId\`)`;
    const text = `SELECT t.\`id\` AS tierId, t.\`rank\` AS \`rank\`, COALESCE(x.members, 0) AS members
         FROM \`tier\` t
         LEFT JOIN (SELECT held.tierId AS tierId, COUNT(*) AS members
                      FROM (SELECT ${tierAt} AS tierId FROM \`member\` m WHERE ${this.population(q, scope)}) held
                     GROUP BY held.tierId) x ON x.tierId = t.\`id\`
        ORDER BY t.\`rank\``;
    const rows: Record<string, unknown>[] = await this.dataSource.query(text, q.params);
    return rows.map((r) => ({ tierId: String(r.tierId), rank: num(r.rank), count: num(r.members) }));
  }

  private async segmentCounts(scope: Scope): Promise<SegmentCount[]> {
    const q = new Statement();
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT m.\`segment\` AS segment, COUNT(*) AS members FROM \`member\` m
        WHERE ${this.population(q, scope)} AND m.\`segment\` IS NOT NULL
        GROUP BY m.\`segment\``,
      q.params,
    );
    const counts = new Map(rows.map((r) => [String(r.segment), num(r.members)]));
    return SEGMENTS.map((segment) => ({ segment, count: counts.get(segment) ?? 0 }));
  }

  /** New members per programme-time-zone day, every day of the period listed. */
  private async newMembersByDay(scope: Scope): Promise<DailyCount[]> {
    const { sql, from, to } = scope;
    const zone = this.config.programmeTimeZone;
    const day = sql.localDate('m.`createdAt`', utcOffsetMinutes(zone, from));
    const q = new Statement();
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT ${day} AS bucket, COUNT(*) AS members FROM \`member\` m
        WHERE ${this.population(q, scope)} AND m.\`createdAt\` >= ${q.p(sql.dateTime(from))}
        GROUP BY ${day}`,
      q.params,
    );
    // mysql2 reads a DATE as a Date at UTC midnight; SQLite returns the text.
    const counts = new Map(
      rows.map((r) => [
        r.bucket instanceof Date ? r.bucket.toISOString().slice(0, 10) : String(r.bucket).slice(0, 10),
        num(r.members),
      ]),
    );
    const first = localDate(from, zone);
    const span = Math.min(
      daysBetweenDates(first, localDate(new Date(to.getTime() - 1), zone)),
      MAX_DASHBOARD_DAYS,
    );
    const days: DailyCount[] = [];
    for (let i = 0; i <= span; i++) {
      const date = addDaysToDate(first, i);
      days.push({ date, count: counts.get(date) ?? 0 });
    }
    return days;
  }

  private async pointsFigures(scope: Scope) {
    const { sql, from, to, dealershipId } = scope;
    const q = new Statement();
    const text = `SELECT
              SUM(CASE WHEN e.\`type\` IN (${q.list(ISSUING_TYPES)}) AND e.\`points\` > 0 THEN e.\`points\` ELSE 0 END) AS issued,
              SUM(CASE WHEN e.\`type\` = ${q.p(PointsEntryType.REDEEM)} THEN -e.\`points\` ELSE 0 END) AS redeemed,
              SUM(CASE WHEN e.\`type\` = ${q.p(PointsEntryType.EXPIRE)} THEN -e.\`points\` ELSE 0 END) AS expired
         FROM \`points_entry\` e
         ${dealershipId ? `JOIN \`member\` m ON m.\`id\` = e.\`memberId\` AND m.\`homeDealershipId\` = ${q.p(dealershipId)}` : ''}
        WHERE e.\`createdAt\` >= ${q.p(sql.dateTime(from))} AND e.\`createdAt\` < ${q.p(sql.dateTime(to))}`;
    const [row]: Record<string, unknown>[] = await this.dataSource.query(text, q.params);
    return {
      pointsIssued: num(row?.issued),
      pointsRedeemed: num(row?.redeemed),
      pointsExpired: num(row?.expired),
    };
  }

  private async participationRate(scope: Scope): Promise<number> {
    const { sql, from, to, dealershipId } = scope;
    const q = new Statement();
    const text = `SELECT SUM(CASE WHEN p.\`status\` IN (${q.list(SIGNED_UP)}) THEN 1 ELSE 0 END) AS signedUp,
              SUM(CASE WHEN p.\`status\` IN (${q.list(CHECKED_IN)}) THEN 1 ELSE 0 END) AS checkedIn
         FROM \`activity_participation\` p
         JOIN \`activity\` a ON a.\`id\` = p.\`activityId\`
         ${dealershipId ? `JOIN \`member\` m ON m.\`id\` = p.\`memberId\` AND m.\`homeDealershipId\` = ${q.p(dealershipId)}` : ''}
        WHERE a.\`type\` = ${q.p(ActivityType.EVENT)} AND a.\`status\` <> ${q.p(ActivityStatus.CANCELLED)}
          AND a.\`startsAt\` >= ${q.p(sql.dateTime(from))} AND a.\`startsAt\` < ${q.p(sql.dateTime(to))}`;
    const [row]: Record<string, unknown>[] = await this.dataSource.query(text, q.params);
    return ratio(num(row?.checkedIn), num(row?.signedUp));
  }

  private async complaintFigures(scope: Scope) {
    const { sql, from, to, dealershipId } = scope;
    const q = new Statement();
    const text = `SELECT COUNT(*) AS complaints,
              SUM(CASE WHEN c.\`status\` IN (${q.list(SETTLED_COMPLAINT)}) THEN 1 ELSE 0 END) AS settled,
              AVG(CASE WHEN c.\`status\` IN (${q.list(SETTLED_COMPLAINT)}) AND c.\`resolvedAt\` IS NOT NULL THEN ${sql.hoursBetween('c.`createdAt`', 'c.`resolvedAt`')} END) AS hours
         FROM \`complaint\` c
        WHERE c.\`createdAt\` >= ${q.p(sql.dateTime(from))} AND c.\`createdAt\` < ${q.p(sql.dateTime(to))}
          ${dealershipId ? `AND c.\`dealershipId\` = ${q.p(dealershipId)}` : ''}`;
    const [row]: Record<string, unknown>[] = await this.dataSource.query(text, q.params);
    const count = num(row?.complaints);
    return {
      complaintCount: count,
      complaintResolutionRate: ratio(num(row?.settled), count),
      avgHoursToResolve: row?.hours === null || row?.hours === undefined ? null : round2(num(row.hours)),
    };
  }

  private async overdueComplaints(scope: Scope): Promise<number> {
    const { sql, now, dealershipId } = scope;
    const q = new Statement();
    const text = `SELECT COUNT(*) AS overdue FROM \`complaint\` c
        WHERE c.\`status\` NOT IN (${q.list(SETTLED_COMPLAINT)})
          AND (c.\`resolveDueAt\` < ${q.p(sql.dateTime(now))}
               OR (c.\`status\` = ${q.p(ComplaintStatus.OPEN)} AND c.\`acknowledgeDueAt\` < ${q.p(sql.dateTime(now))}))
          ${dealershipId ? `AND c.\`dealershipId\` = ${q.p(dealershipId)}` : ''}`;
    const [row]: Record<string, unknown>[] = await this.dataSource.query(text, q.params);
    return num(row?.overdue);
  }

  private async followUpCompletion(scope: Scope): Promise<number> {
    const { sql, from, to, now, dealershipId } = scope;
    const q = new Statement();
    const text = `SELECT SUM(CASE WHEN f.\`status\` = ${q.p(FollowUpStatus.DONE)} THEN 1 ELSE 0 END) AS done,
              SUM(CASE WHEN f.\`status\` = ${q.p(FollowUpStatus.DONE)}
                         OR f.\`status\` = ${q.p(FollowUpStatus.UNREACHABLE)}
                         OR (f.\`status\` = ${q.p(FollowUpStatus.PENDING)} AND f.\`dueAt\` < ${q.p(sql.dateTime(now))}) THEN 1 ELSE 0 END) AS owed
         FROM \`follow_up\` f
        WHERE f.\`dueAt\` >= ${q.p(sql.dateTime(from))} AND f.\`dueAt\` < ${q.p(sql.dateTime(to))}
          AND f.\`status\` <> ${q.p(FollowUpStatus.CANCELLED)}
          ${dealershipId ? `AND f.\`dealershipId\` = ${q.p(dealershipId)}` : ''}`;
    const [row]: Record<string, unknown>[] = await this.dataSource.query(text, q.params);
    return ratio(num(row?.done), num(row?.owed));
  }

  private async satisfaction(scope: Scope): Promise<number | null> {
    const { sql, from, to, dealershipId } = scope;
    const q = new Statement();
    const text = `SELECT SUM(x.score) AS total, COUNT(*) AS scores FROM (
           SELECT f.\`satisfaction\` AS score FROM \`follow_up\` f
            WHERE f.\`status\` = ${q.p(FollowUpStatus.DONE)} AND f.\`satisfaction\` IS NOT NULL
              AND f.\`completedAt\` >= ${q.p(sql.dateTime(from))} AND f.\`completedAt\` < ${q.p(sql.dateTime(to))}
              ${dealershipId ? `AND f.\`dealershipId\` = ${q.p(dealershipId)}` : ''}
           UNION ALL
           SELECT c.\`satisfaction\` AS score FROM \`complaint\` c
            WHERE c.\`status\` = ${q.p(ComplaintStatus.CLOSED)} AND c.\`satisfaction\` IS NOT NULL
              AND c.\`closedAt\` >= ${q.p(sql.dateTime(from))} AND c.\`closedAt\` < ${q.p(sql.dateTime(to))}
              ${dealershipId ? `AND c.\`dealershipId\` = ${q.p(dealershipId)}` : ''}
         ) x`;
    const [row]: Record<string, unknown>[] = await this.dataSource.query(text, q.params);
    const scores = num(row?.scores);
    return scores > 0 ? num(row?.total) / scores : null;
  }
}

interface Scope {
  from: Date;
  to: Date;
  /** The instant of the request: overdue complaints and late follow-up calls are judged at it. */
  now: Date;
  dealershipId: string | null;
  sql: SqlDialect;
}
