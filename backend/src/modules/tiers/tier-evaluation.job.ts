import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dialectOf, executeUpdate, inKeyChunks, readDateTime, TransactionService, withBoundedConcurrency } from '../../common/database';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { MemberStatus } from '../members/member.enums';
import { addCalendarMonths } from '../points/points-expiry';
import { ProgrammeService } from '../programme/programme.service';
import { TierChangeReason } from './tier-change.entity';
import { decideTier, EMPTY_FIGURES } from './tier-rules';
import { Tier } from './tier.entity';
import { describe, TiersService } from './tiers.service';

/** Members per chunk: one fetch, one grouped read of their transactions, a few set-based UPDATEs. */
const CHUNK = 2000;
/** Tier moves in flight at once (each a transaction on its own pooled connection). */
const MOVES_IN_FLIGHT = 4;

interface MemberRow {
  id: string;
  tierId: string;
  qualifyingPoints: number | string;
  tierReviewAt: unknown;
  name: string;
  phone: string;
  status: MemberStatus;
}

/**
 * Nightly: refreshes every member's rolling qualifying points, upgrades those who reached a better
 * tier and reviews those whose `tierReviewAt` has come (keep, or drop one tier). Works through the
 * members in primary-key chunks: one grouped query for a chunk's 12-month figures, one UPDATE for
 * the qualifying points that changed and one for the reviews that keep their tier; only the few
 * members who change tier get a transaction of their own (history, benefits, notification).
 * Re-running the same `asOf` changes nothing.
 */
@Injectable()
export class TierEvaluationJob implements JobHandler, OnModuleInit {
  readonly name = JobName.TIER_EVALUATION;
  readonly schedule = '30 2 * * *';
  readonly description = 'Refreshes qualifying points, upgrades members who qualify and runs the yearly tier reviews that are due.';

  constructor(
    private readonly registry: JobRegistry,
    private readonly tiers: TiersService,
    private readonly programme: ProgrammeService,
    private readonly tx: TransactionService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async run({ asOf, heartbeat }: JobContext): Promise<JobResult> {
    const rules = await this.programme.rules();
    const tiers = await this.tiers.all();
    const sql = dialectOf(this.dataSource);
    return inKeyChunks<MemberRow>({
      fetch: (after) =>
        this.dataSource.query(
          'SELECT `id`, `tierId`, `qualifyingPoints`, `tierReviewAt`, `name`, `phone`, `status` FROM `member` WHERE `id` > ? AND `status` IN (?, ?) ORDER BY `id` LIMIT ' + CHUNK,
          [after, MemberStatus.ACTIVE, MemberStatus.FROZEN],
        ),
      handle: async (members) => {
        const ids = members.map((m) => m.id);
        const figures = await this.tiers.figuresFor(this.dataSource.manager, ids, asOf, rules);
        const pointsOf = (id: string) => (figures.get(id) ?? EMPTY_FIGURES).qualifyingPoints;
        // Conditional on the value read, so a transaction posted meanwhile is never overwritten.
        await this.setWhereUnchanged(
          'qualifyingPoints',
          members.filter((m) => Number(m.qualifyingPoints) !== pointsOf(m.id)).map((m) => ({ id: m.id, from: Number(m.qualifyingPoints), to: pointsOf(m.id) })),
        );
        const keeps: { id: string; from: string | Date; to: string | Date }[] = [];
        const moves: { member: MemberRow; to: Tier; reason: TierChangeReason; note: string }[] = [];
        for (const member of members) {
          const reviewAt = readDateTime(member.tierReviewAt);
          const memberFigures = figures.get(member.id) ?? EMPTY_FIGURES;
          const decision = decideTier({ tiers, currentTierId: member.tierId, figures: memberFigures, reviewDue: !!reviewAt && reviewAt <= asOf });
          if (decision.action === 'NONE') continue;
          if (decision.action === 'KEEP') {
            keeps.push({ id: member.id, from: sql.dateTime(reviewAt!), to: sql.dateTime(nextReview(reviewAt!, asOf, rules.tierReviewMonths)) });
            continue;
          }
          moves.push({
            member,
            to: decision.to,
            reason: decision.action === 'UPGRADE' ? TierChangeReason.UPGRADE : TierChangeReason.DOWNGRADE,
            note: `${decision.action === 'UPGRADE' ? 'Qualified' : 'Yearly review not met'}; ${describe(memberFigures)}`,
          });
        }
        // Each move is its own transaction (history, benefits, notification); a few run at once.
        const moved = await withBoundedConcurrency(moves, MOVES_IN_FLIGHT, (move) =>
          this.tx.run((manager) => this.tiers.applyChange(manager, move.member, move.to, move.reason, move.note, null, asOf, rules)),
        );
        return moved.filter(Boolean).length + (await this.setWhereUnchanged('tierReviewAt', keeps));
      },
      heartbeat,
    });
  }

  /**
   * Sets a member column to each row's `to` where it still holds the `from` read earlier, in one
   * UPDATE; answers how many rows changed.
   */
  private async setWhereUnchanged(column: 'qualifyingPoints' | 'tierReviewAt', rows: { id: string; from: unknown; to: unknown }[]): Promise<number> {
    if (!rows.length) return 0;
    const cases = (key: 'from' | 'to') => ({ sql: `CASE \`id\` ${rows.map(() => 'WHEN ? THEN ?').join(' ')} END`, parameters: rows.flatMap((r) => [r.id, r[key]]) });
    const to = cases('to');
    const from = cases('from');
    return executeUpdate(
      this.dataSource,
      `UPDATE \`member\` SET \`${column}\` = ${to.sql} WHERE \`id\` IN (${rows.map(() => '?').join(', ')}) AND \`${column}\` = ${from.sql}`,
      [...to.parameters, ...rows.map((r) => r.id), ...from.parameters],
    );
  }
}

/** A kept tier is reviewed again a year after the anniversary just passed (never in the past). */
function nextReview(reviewAt: Date, asOf: Date, months: number): Date {
  let next = addCalendarMonths(reviewAt, months);
  while (next <= asOf) next = addCalendarMonths(next, months);
  return next;
}
