import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dialectOf, executeUpdate, inKeyChunks, readDateTime } from '../../common/database';
import { ParticipationStatus } from '../activities/activity-participation.entity';
import { ComplaintStatus } from '../complaints/complaint.enums';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { MemberStatus } from '../members/member.enums';
import { ProgrammeRules } from '../programme/programme-rules';
import { ProgrammeService } from '../programme/programme.service';
import { TransactionStatus } from '../transactions/transaction.enums';
import { FollowUpKind, FollowUpStatus } from './follow-up.enums';
import { insertFollowUps, NewFollowUp } from './follow-up-writer';

const CHUNK = 500;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const RESOLVED_STATUSES = [ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED];
const ATTENDED_STATUSES = [ParticipationStatus.CHECKED_IN, ParticipationStatus.REWARDED];

/** The key of the call after one resolution of a complaint: a later re-resolution is another call. */
export const complaintSourceKey = (complaintId: string, resolvedAt: Date) =>
  `${FollowUpKind.POST_COMPLAINT}:${complaintId}:${resolvedAt.toISOString()}`;

interface Window {
  /** Sources strictly after this instant (asOf − followUpLookbackDays)… */
  from: Date;
  /** …and at or before asOf. */
  asOf: Date;
}

/**
 * Hourly: creates the follow-up calls (回访) that are owed and cancels the ones no longer owed.
 *
 * - POST_SERVICE: one per POSTED service transaction (types `serviceVisitTypes`) of a member, due
 *   `occurredAt` + 72 h, at the transaction's dealership. Key `POST_SERVICE:<transactionId>`.
 * - POST_COMPLAINT: one per resolution of a complaint of a member (status RESOLVED or CLOSED), due
 *   `resolvedAt` + 24 h, at the complaint's dealership. Key `POST_COMPLAINT:<complaintId>:<resolvedAt>`,
 *   so a complaint reopened and resolved again (a new `resolvedAt`) gets a new call.
 * - POST_EVENT: one per attended EVENT participation (CHECKED_IN or REWARDED), due `checkedInAt` + 24 h,
 *   at the event's dealership when it names exactly one, else the member's home dealership. Key
 *   `POST_EVENT:<participationId>`.
 *
 * Only sources dated within the last `followUpLookbackDays` (30) before `asOf` (and not after it)
 * are considered, so the first run on a database with years of history does not flood customer
 * service with stale calls, and each hourly run reads one month of sources through indexes. Members
 * ERASED get no calls. Sources are read in chunks; calls are inserted in batches under their unique
 * `sourceKey`, so re-running any `asOf` creates nothing twice.
 *
 * Then every PENDING call is checked once more and CANCELLED (outcome says why, `completedAt` = asOf)
 * when its member was erased, its transaction was reversed after the call was created, or its
 * complaint was reopened or resolved again (the new resolution has its own call). Calls already
 * DONE or UNREACHABLE are history and stay.
 */
@Injectable()
export class FollowUpGenerationJob implements JobHandler, OnModuleInit {
  readonly name = JobName.FOLLOW_UP_GENERATION;
  readonly schedule = '5 * * * *';
  readonly description =
    'Creates follow-up calls after services, resolved complaints and attended events; cancels those no longer owed.';

  constructor(
    private readonly registry: JobRegistry,
    private readonly programme: ProgrammeService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async run({ asOf, heartbeat }: JobContext): Promise<JobResult> {
    const rules = await this.programme.rules();
    const window: Window = { from: new Date(asOf.getTime() - rules.followUpLookbackDays * DAY_MS), asOf };
    const results = [
      await this.services(window, rules, heartbeat),
      await this.complaints(window, rules, heartbeat),
      await this.events(window, rules, heartbeat),
      await this.cancellations(asOf, heartbeat),
    ];
    return results.reduce(
      (sum, r) => ({ processed: sum.processed + r.processed, affected: sum.affected + r.affected }),
      { processed: 0, affected: 0 },
    );
  }

  /**
   * Service transactions, dealership by dealership along the (dealershipId, occurredAt) index, in
   * chunks ordered by (occurredAt, id).
   */
  private async services(
    { from, asOf }: Window,
    rules: ProgrammeRules,
    heartbeat: () => Promise<void>,
  ): Promise<JobResult> {
    const types = rules.serviceVisitTypes;
    if (!types.length) return { processed: 0, affected: 0 };
    const sql = dialectOf(this.dataSource);
    const dealerships: { id: string }[] = await this.dataSource.query(
      'SELECT `id` FROM `dealership` ORDER BY `id`',
    );
    let processed = 0;
    let affected = 0;
    for (const dealership of dealerships) {
      let cursorAt = from;
      let cursorId = '';
      for (;;) {
        const rows: { id: string; memberId: string; dealershipId: string; occurredAt: unknown }[] =
          await this.dataSource.query(
            `SELECT t.\`id\`, t.\`memberId\`, t.\`dealershipId\`, t.\`occurredAt\`
             FROM \`sales_transaction\` t JOIN \`member\` m ON m.\`id\` = t.\`memberId\`
            WHERE t.\`dealershipId\` = ? AND t.\`occurredAt\` >= ? AND t.\`occurredAt\` > ? AND t.\`occurredAt\` <= ?
              AND (t.\`occurredAt\` > ? OR t.\`id\` > ?)
              AND t.\`status\` = ? AND t.\`type\` IN (${types.map(() => '?').join(', ')}) AND m.\`status\` <> ?
            ORDER BY t.\`occurredAt\`, t.\`id\` LIMIT ${CHUNK}`,
            [
              dealership.id,
              sql.dateTime(cursorAt),
              sql.dateTime(from),
              sql.dateTime(asOf),
              sql.dateTime(cursorAt),
              cursorId,
              TransactionStatus.POSTED,
              ...types,
              MemberStatus.ERASED,
            ],
          );
        if (!rows.length) break;
        const last = rows[rows.length - 1];
        cursorAt = readDateTime(last.occurredAt)!;
        cursorId = last.id;
        affected += await insertFollowUps(
          this.dataSource,
          rows.map((row) => ({
            kind: FollowUpKind.POST_SERVICE,
            memberId: row.memberId,
            dealershipId: row.dealershipId,
            transactionId: row.id,
            sourceKey: `${FollowUpKind.POST_SERVICE}:${row.id}`,
            dueAt: new Date(
              readDateTime(row.occurredAt)!.getTime() + rules.followUpDueHours.POST_SERVICE * HOUR_MS,
            ),
          })),
        );
        processed += rows.length;
        await heartbeat();
      }
    }
    return { processed, affected };
  }

  /** Resolutions of complaints, read from the `complaint` table in primary-key chunks. */
  private async complaints(
    { from, asOf }: Window,
    rules: ProgrammeRules,
    heartbeat: () => Promise<void>,
  ): Promise<JobResult> {
    const sql = dialectOf(this.dataSource);
    return inKeyChunks<{ id: string; memberId: string; dealershipId: string | null; resolvedAt: unknown }>({
      fetch: (after) =>
        this.dataSource.query(
          `SELECT c.\`id\`, c.\`memberId\`, c.\`dealershipId\`, c.\`resolvedAt\`
           FROM \`complaint\` c JOIN \`member\` m ON m.\`id\` = c.\`memberId\`
          WHERE c.\`id\` > ? AND c.\`status\` IN (?, ?) AND c.\`resolvedAt\` > ? AND c.\`resolvedAt\` <= ? AND m.\`status\` <> ?
          ORDER BY c.\`id\` LIMIT ${CHUNK}`,
          [after, ...RESOLVED_STATUSES, sql.dateTime(from), sql.dateTime(asOf), MemberStatus.ERASED],
        ),
      handle: async (rows) => {
        let changed = 0;
        changed += await insertFollowUps(
          this.dataSource,
          rows.map((row) => {
            const resolvedAt = readDateTime(row.resolvedAt)!;
            return {
              kind: FollowUpKind.POST_COMPLAINT,
              memberId: row.memberId,
              dealershipId: row.dealershipId,
              complaintId: row.id,
              sourceKey: complaintSourceKey(row.id, resolvedAt),
              dueAt: new Date(resolvedAt.getTime() + rules.followUpDueHours.POST_COMPLAINT * HOUR_MS),
            };
          }),
        );
        return changed;
      },
      heartbeat,
    });
  }

  /** Attended events, in primary-key chunks of participations. */
  private async events(
    { from, asOf }: Window,
    rules: ProgrammeRules,
    heartbeat: () => Promise<void>,
  ): Promise<JobResult> {
    const sql = dialectOf(this.dataSource);
    return inKeyChunks<{
      id: string;
      memberId: string;
      activityId: string;
      checkedInAt: unknown;
      dealershipIds: unknown;
      homeDealershipId: string | null;
    }>({
      fetch: (after) =>
        this.dataSource.query(
          `SELECT p.\`id\`, p.\`memberId\`, p.\`activityId\`, p.\`checkedInAt\`, a.\`dealershipIds\`, m.\`homeDealershipId\`
             FROM \`activity_participation\` p
             JOIN \`member\` m ON m.\`id\` = p.\`memberId\`
             JOIN \`activity\` a ON a.\`id\` = p.\`activityId\`
            WHERE p.\`id\` > ? AND p.\`status\` IN (?, ?) AND p.\`checkedInAt\` > ? AND p.\`checkedInAt\` <= ? AND m.\`status\` <> ?
            ORDER BY p.\`id\` LIMIT ${CHUNK}`,
          [after, ...ATTENDED_STATUSES, sql.dateTime(from), sql.dateTime(asOf), MemberStatus.ERASED],
        ),
      handle: async (rows) => {
        let changed = 0;
        changed += await insertFollowUps(
          this.dataSource,
          rows.map((row): NewFollowUp => ({
            kind: FollowUpKind.POST_EVENT,
            memberId: row.memberId,
            dealershipId: eventDealership(row.dealershipIds) ?? row.homeDealershipId,
            activityId: row.activityId,
            sourceKey: `${FollowUpKind.POST_EVENT}:${row.id}`,
            dueAt: new Date(
              readDateTime(row.checkedInAt)!.getTime() + rules.followUpDueHours.POST_EVENT * HOUR_MS,
            ),
          })),
        );
        return changed;
      },
      heartbeat,
    });
  }

  /** PENDING calls whose member was erased, transaction reversed or complaint reopened: CANCELLED. */
  private async cancellations(asOf: Date, heartbeat: () => Promise<void>): Promise<JobResult> {
    const sql = dialectOf(this.dataSource);
    return inKeyChunks<PendingCall & { id: string }>({
      fetch: (after) =>
        this.dataSource.query(
          `SELECT f.\`id\`, f.\`kind\`, f.\`sourceKey\`, f.\`complaintId\`, m.\`status\` AS memberStatus,
                t.\`status\` AS transactionStatus, c.\`status\` AS complaintStatus, c.\`resolvedAt\` AS resolvedAt
           FROM \`follow_up\` f
           LEFT JOIN \`member\` m ON m.\`id\` = f.\`memberId\`
           LEFT JOIN \`sales_transaction\` t ON t.\`id\` = f.\`transactionId\`
           LEFT JOIN \`complaint\` c ON c.\`id\` = f.\`complaintId\`
          WHERE f.\`status\` = ? AND f.\`id\` > ?
          ORDER BY f.\`id\` LIMIT ${CHUNK}`,
          [FollowUpStatus.PENDING, after],
        ),
      handle: async (rows) => {
        let changed = 0;
        const byReason = new Map<string, string[]>();
        for (const row of rows) {
          const reason = cancellationReason(row);
          if (reason) byReason.set(reason, [...(byReason.get(reason) ?? []), row.id]);
        }
        for (const [reason, ids] of byReason) {
          changed += await executeUpdate(
            this.dataSource,
            `UPDATE \`follow_up\` SET \`status\` = ?, \`outcome\` = ?, \`completedAt\` = ?, \`updatedAt\` = ${sql.now()}
                WHERE \`id\` IN (${ids.map(() => '?').join(', ')}) AND \`status\` = ?`,
            [FollowUpStatus.CANCELLED, reason, sql.dateTime(asOf), ...ids, FollowUpStatus.PENDING],
          );
        }
        return changed;
      },
      heartbeat,
    });
  }
}

/** A PENDING call with the state of what it follows up. */
interface PendingCall {
  kind: FollowUpKind;
  sourceKey: string;
  complaintId: string | null;
  memberStatus: string | null;
  transactionStatus: string | null;
  complaintStatus: string | null;
  resolvedAt: unknown;
}

/** Why a PENDING call is no longer owed, or null while it is. */
function cancellationReason(row: PendingCall): string | null {
  if (row.memberStatus === MemberStatus.ERASED) return 'Cancelled: the member was erased';
  if (row.kind === FollowUpKind.POST_SERVICE && row.transactionStatus === TransactionStatus.REVERSED) {
    return 'Cancelled: the transaction was reversed';
  }
  if (row.kind === FollowUpKind.POST_COMPLAINT && row.complaintId && row.complaintStatus) {
    const resolvedAt = readDateTime(row.resolvedAt);
    const current =
      RESOLVED_STATUSES.includes(row.complaintStatus as ComplaintStatus) &&
      resolvedAt &&
      complaintSourceKey(row.complaintId, resolvedAt);
    if (current !== row.sourceKey) return 'Cancelled: the complaint was reopened';
  }
  return null;
}

/** The one dealership an event is held at, when its `dealershipIds` (JSON) names exactly one. */
function eventDealership(raw: unknown): string | null {
  try {
    const ids = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
    return Array.isArray(ids) && ids.length === 1 && typeof ids[0] === 'string' ? ids[0] : null;
  } catch {
    return null;
  }
}
