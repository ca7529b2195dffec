import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  dialectOf,
  executeUpdate,
  inKeyChunks,
  readDateTime,
  TransactionService,
} from '../../common/database';
import { insertFollowUps, NewFollowUp } from '../follow-ups/follow-up-writer';
import { FollowUpKind } from '../follow-ups/follow-up.enums';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { addCalendarMonths } from '../points/points-expiry';
import { ProgrammeService } from '../programme/programme.service';
import { TransactionStatus } from '../transactions/transaction.enums';
import { MemberSegment, MemberStatus } from './member.enums';
import { dormantSince, lastActivityOf, SegmentFigures, segmentOf } from './segments';

/** Members per chunk: one fetch, one grouped read of their paid transactions, an UPDATE per changed segment. */
const CHUNK = 2000;
const DAY_MS = 86_400_000;
/** Members who are segmented; every other status (PENDING_ACTIVATION, CANCELLED, LAPSED, ERASED) has no segment. */
const SEGMENTED = [MemberStatus.ACTIVE, MemberStatus.FROZEN];

interface MemberRow {
  id: string;
  status: MemberStatus;
  segment: MemberSegment | null;
  createdAt: unknown;
  homeDealershipId: string | null;
}

interface FigureRow {
  memberId: string;
  lastPaidAt: unknown;
  frequency: unknown;
  monetary: unknown;
}

/**
 * Nightly: puts every ACTIVE or FROZEN member in a segment (rules in `segments.ts`) from their paid
 * transactions as of `asOf`, and clears the segment of members of any other status (not yet
 * activated, cancelled, lapsed or erased: they are not customers to segment, and the dashboard's
 * segment counts are of live members).
 *
 * A member who turns DORMANT (their stored segment was anything but DORMANT) gets one DORMANT_RECALL
 * follow-up call for customer service, due `asOf` + `dormantRecallDueDays` (7), at their home
 * dealership, when they are ACTIVE and their dormancy began within `followUpLookbackDays` (30) of
 * `asOf` (so a first run over years of history does not flood; a member dormant for long and never
 * segmented before gets none). The call's key is `DORMANT_RECALL:<memberId>:<last activity>`: one
 * per dormancy spell, which only a new paid transaction ends, however often the job re-runs.
 *
 * Members in primary-key chunks: one grouped query for the chunk's figures (answered from the
 * covering index of members' transactions), one UPDATE per segment that changed and the recall
 * calls, in one transaction per chunk (so a crash never leaves a member DORMANT without their call). Re-running the same `asOf` changes nothing.
 */
@Injectable()
export class SegmentationJob implements JobHandler, OnModuleInit {
  readonly name = JobName.SEGMENTATION;
  readonly schedule = '0 3 * * *';
  readonly description =
    'Puts members in RFM segments (NEW, CHAMPION, LOYAL, POTENTIAL, AT_RISK, DORMANT); recalls members who turned dormant.';

  constructor(
    private readonly registry: JobRegistry,
    private readonly programme: ProgrammeService,
    private readonly tx: TransactionService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async run({ asOf, heartbeat }: JobContext): Promise<JobResult> {
    const rules = await this.programme.rules();
    const segmentRules = rules.segmentRules;
    const sql = dialectOf(this.dataSource);
    const windowFrom = addCalendarMonths(asOf, -segmentRules.rfmWindowMonths);
    const recallFrom = new Date(asOf.getTime() - rules.followUpLookbackDays * DAY_MS);
    const recallDueAt = new Date(asOf.getTime() + rules.dormantRecallDueDays * DAY_MS);

    const affected = await executeUpdate(
      this.dataSource,
      `UPDATE \`member\` SET \`segment\` = NULL WHERE \`segment\` IS NOT NULL AND \`status\` NOT IN (${SEGMENTED.map(() => '?').join(', ')})`,
      SEGMENTED,
    );
    const walked = await inKeyChunks<MemberRow>({
      fetch: (after) =>
        this.dataSource.query(
          `SELECT \`id\`, \`status\`, \`segment\`, \`createdAt\`, \`homeDealershipId\` FROM \`member\`
            WHERE \`id\` > ? AND \`status\` IN (${SEGMENTED.map(() => '?').join(', ')}) ORDER BY \`id\` LIMIT ${CHUNK}`,
          [after, ...SEGMENTED],
        ),
      handle: async (members) => {
        const ids = members.map((m) => m.id);
        const placeholders = ids.map(() => '?').join(', ');
        const figureRows: FigureRow[] = await this.dataSource.query(
          `SELECT \`memberId\`, MAX(\`occurredAt\`) AS lastPaidAt,
                    SUM(CASE WHEN \`occurredAt\` > ? THEN 1 ELSE 0 END) AS frequency,
                    SUM(CASE WHEN \`occurredAt\` > ? THEN \`amount\` ELSE 0 END) AS monetary
               FROM \`sales_transaction\`
              WHERE \`memberId\` IN (${placeholders}) AND \`status\` = ? AND \`amount\` > 0 AND \`occurredAt\` <= ?
              GROUP BY \`memberId\``,
          [
            sql.dateTime(windowFrom),
            sql.dateTime(windowFrom),
            ...ids,
            TransactionStatus.POSTED,
            sql.dateTime(asOf),
          ],
        );
        const figuresOf = new Map(figureRows.map((row) => [row.memberId, row]));

        const changes = new Map<MemberSegment, string[]>();
        const recalls: NewFollowUp[] = [];
        for (const member of members) {
          const row = figuresOf.get(member.id);
          const figures: SegmentFigures = {
            joinedAt: readDateTime(member.createdAt)!,
            lastPaidAt: row ? readDateTime(row.lastPaidAt) : null,
            frequency: row ? Number(row.frequency) : 0,
            monetary: row ? Number(row.monetary) : 0,
          };
          const segment = segmentOf(figures, asOf, segmentRules);
          if (segment !== member.segment) changes.set(segment, [...(changes.get(segment) ?? []), member.id]);
          if (
            segment === MemberSegment.DORMANT &&
            member.segment !== MemberSegment.DORMANT &&
            member.status === MemberStatus.ACTIVE &&
            dormantSince(figures, segmentRules) > recallFrom
          ) {
            recalls.push({
              kind: FollowUpKind.DORMANT_RECALL,
              memberId: member.id,
              dealershipId: member.homeDealershipId,
              sourceKey: `${FollowUpKind.DORMANT_RECALL}:${member.id}:${lastActivityOf(figures).toISOString()}`,
              dueAt: recallDueAt,
            });
          }
        }
        if (changes.size || recalls.length) {
          // One UPDATE per segment (an IN list is a sorted lookup; a CASE over thousands of ids is not).
          return this.tx.run(async (manager) => {
            let changed = 0;
            for (const [segment, memberIds] of changes) {
              changed += await executeUpdate(
                manager,
                `UPDATE \`member\` SET \`segment\` = ? WHERE \`id\` IN (${memberIds.map(() => '?').join(', ')}) AND \`status\` IN (${SEGMENTED.map(() => '?').join(', ')})`,
                [segment, ...memberIds, ...SEGMENTED],
              );
            }
            return changed + (await insertFollowUps(manager, recalls));
          });
        }
        return 0;
      },
      heartbeat,
      // Chunks touch disjoint members and leave the fetched columns alone.
      inFlight: sql.parallelChunks,
    });
    return { processed: walked.processed, affected: affected + walked.affected };
  }
}
