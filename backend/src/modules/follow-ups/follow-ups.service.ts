import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { actorOf, Principal } from '../../common/auth';
import { dialectOf, executeUpdate, TransactionService } from '../../common/database';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
} from '../../common/errors';
import { ListArgs, listQuery, Page } from '../../common/list';
import { storeOf } from '../members/member-access';
import { ProgrammeService } from '../programme/programme.service';
import { FollowUp } from './follow-up.entity';
import { FollowUpStatus } from './follow-up.enums';
import { FollowUpFilter, FollowUpSort, RecordFollowUpAttemptInput } from './follow-ups.types';

/** Optimistic retries of an attempt when another attempt on the same call committed in between. */
const MAX_RETRIES = 20;

/**
 * Follow-up calls (回访). Calls are created by the FOLLOW_UP_GENERATION job (after services,
 * resolved complaints and attended events) and the SEGMENTATION job (recalling dormant members);
 * customer service and store staff work them through `recordAttempt`.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectRepository(FollowUp) private readonly followUps: Repository<FollowUp>,
    private readonly tx: TransactionService,
    private readonly programme: ProgrammeService,
  ) {}

  /**
   * Calls by the list convention, soonest due first unless sorted otherwise. Staff bound to a
   * dealership see only the calls of that dealership (whatever the member filter).
   */
  list(
    principal: Principal | undefined,
    args: ListArgs<FollowUpFilter, FollowUpSort>,
  ): Promise<Page<FollowUp>> {
    const store = storeOf(principal);
    const sql = dialectOf(this.followUps.manager);
    return listQuery(this.followUps, args, {
      defaultSort: { field: 'DUE_AT', order: 'ASC' },
      filters: {
        dueBefore: (qb, alias, value: Date) =>
          qb.andWhere(`${alias}.dueAt < :dueBefore`, { dueBefore: sql.dateTime(value) }),
      },
      scope: (qb, alias) => {
        if (store) qb.andWhere(`${alias}.dealershipId = :scopeStore`, { scopeStore: store });
      },
    });
  }

  /**
   * One call attempt. Only a PENDING call takes attempts (else INVALID_STATE). Reached: DONE with
   * the satisfaction, outcome and completion time. Not reached: still PENDING, unless this was the
   * last allowed attempt (`followUpMaxAttempts`, 3): then UNREACHABLE. Every attempt appends a line
   * `#n <time> reached|not reached[: notes]` to the call's notes. A call nobody was assigned to is
   * assigned to the caller; an assigned call keeps its assignee (a colleague may still call).
   *
   * The attempt is claimed by a conditional UPDATE on the attempt count and status it was read
   * with, so two concurrent attempts never count as one and never both close the call.
   */
  async recordAttempt(principal: Principal, input: RecordFollowUpAttemptInput): Promise<FollowUp> {
    if (!input.reached && input.satisfaction !== undefined && input.satisfaction !== null) {
      throw new BadUserInputError({ 'input.satisfaction': 'is recorded only for a reached call' });
    }
    const rules = await this.programme.rules();
    const caller = actorOf(principal);
    const store = storeOf(principal);
    for (let retry = 0; retry < MAX_RETRIES; retry++) {
      const saved = await this.tx.run(async (manager) => {
        const followUp = await manager.findOneBy(FollowUp, { id: input.followUpId });
        if (!followUp) throw new NotFoundError('FollowUp', input.followUpId);
        if (store && followUp.dealershipId !== store)
          throw new ForbiddenError("Store staff work only their dealership's follow-ups");
        if (followUp.status !== FollowUpStatus.PENDING)
          throw new InvalidStateError(`The follow-up is ${followUp.status}`);
        const attempts = followUp.attempts + 1;
        const claimed = await executeUpdate(
          manager,
          'UPDATE `follow_up` SET `attempts` = ? WHERE `id` = ? AND `status` = ? AND `attempts` = ?',
          [attempts, followUp.id, FollowUpStatus.PENDING, followUp.attempts],
        );
        if (!claimed) return null;
        const now = new Date();
        const line = `#${attempts} ${now.toISOString()} ${input.reached ? 'reached' : 'not reached'}${input.notes ? `: ${input.notes}` : ''}`;
        const closes = input.reached || attempts >= rules.followUpMaxAttempts;
        Object.assign(followUp, {
          attempts,
          notes: followUp.notes ? `${followUp.notes}\n${line}` : line,
          assigneeId: followUp.assigneeId ?? caller.id,
          status: input.reached
            ? FollowUpStatus.DONE
            : closes
              ? FollowUpStatus.UNREACHABLE
              : FollowUpStatus.PENDING,
          satisfaction: input.reached ? (input.satisfaction ?? null) : followUp.satisfaction,
          outcome: input.outcome ?? followUp.outcome,
          completedAt: closes ? now : null,
        });
        // Saved through the entity (after the claim) so the audit trail records the change.
        return manager.save(followUp);
      });
      if (saved) return saved;
    }
    throw new ConflictError('The follow-up is being updated by someone else; try again');
  }
}
