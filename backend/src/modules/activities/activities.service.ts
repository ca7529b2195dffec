import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { dialectOf, executeUpdate, serializeOn, TransactionService } from '../../common/database';
import { BadUserInputError, InvalidStateError, NotFoundError } from '../../common/errors';
import { ListArgs, listQuery, Page } from '../../common/list';
import { Dealership } from '../dealerships/dealership.entity';
import { Member } from '../members/member.entity';
import { MemberStatus } from '../members/member.enums';
import { Tier } from '../tiers/tier.entity';
import { ActivityParticipation, ParticipationStatus } from './activity-participation.entity';
import {
  ActivityShape,
  CLOSED_STATUSES,
  configurationProblems,
  EDITABLE_WHILE_ACTIVE,
  jsonElementPattern,
  memberEligible,
} from './activity-rules';
import { Activity } from './activity.entity';
import { ActivityStatus } from './activity.enums';
import { ActivityFilter, ActivitySort, CancelActivityInput, CreateActivityInput, UpdateActivityInput } from './activities.types';

const PUBLISHED_WINDOW_STATUSES = [ActivityStatus.SCHEDULED, ActivityStatus.ACTIVE, ActivityStatus.ENDED, ActivityStatus.SETTLED];

/**
 * Activity configuration and its lifecycle by hand: create (DRAFT), edit, delete a draft, publish
 * (SCHEDULED, or ACTIVE when it has begun) and cancel. The lifecycle job moves published ones on.
 * Status changes take the activity's row first (a no-op UPDATE) so concurrent changes queue, then go
 * through the entity so the audit trail records before and after.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    @InjectRepository(Activity) private readonly activities: Repository<Activity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
  ) {}

  list(args: ListArgs<ActivityFilter, ActivitySort>): Promise<Page<Activity>> {
    return listQuery(this.activities, args, {
      search: ['name', 'description'],
      sortFields: { STARTS_AT: 'startsAt', ENDS_AT: 'endsAt' },
      filters: {
        // JSON text of the id array: '[]' is every dealership; otherwise the quoted id is in it.
        dealershipId: (qb, alias, id: string) =>
          qb.andWhere(`(${alias}.dealershipIds = '[]' OR ${alias}.dealershipIds LIKE :dealershipPattern ESCAPE '!')`, {
            dealershipPattern: jsonElementPattern(id),
          }),
        activeAt: (qb, alias, at: Date) =>
          qb.andWhere(`${alias}.startsAt <= :activeAt AND ${alias}.endsAt > :activeAt AND ${alias}.status IN (:...activeStatuses)`, {
            activeAt: at,
            activeStatuses: PUBLISHED_WINDOW_STATUSES,
          }),
      },
    });
  }

  findOne(id: string): Promise<Activity | null> {
    return this.activities.findOneBy({ id });
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Activity> {
    const activity = await manager.findOneBy(Activity, { id });
    if (!activity) throw new NotFoundError('Activity', id);
    return activity;
  }

  /**
   * Takes the activity's row for the rest of the transaction (concurrent sign-ups, edits and status
   * changes of the same activity queue behind it) and reads it as it is now.
   */
  async lock(manager: EntityManager, id: string): Promise<Activity> {
    await serializeOn(manager, 'activity', id);
    return this.get(id, manager);
  }

  /** A new activity, DRAFT; BAD_USER_INPUT names every field that is wrong. */
  create(input: CreateActivityInput): Promise<Activity> {
    return this.tx.run(async (manager) => {
      const shape = shapeOf(input);
      await this.assertValid(manager, shape, 'input');
      return manager.save(
        manager.create(Activity, {
          ...shape,
          name: input.name,
          description: input.description ?? null,
          status: ActivityStatus.DRAFT,
          pointsIssued: 0,
          publishedAt: null,
          settledAt: null,
          cancelReason: null,
        }),
      );
    });
  }

  /**
   * Edits an activity. DRAFT and SCHEDULED change freely; an ACTIVE one only EDITABLE_WHILE_ACTIVE
   * (the end, not before now; the budget, not below what was issued; the capacity, not below the
   * sign-ups). ENDED, SETTLED and CANCELLED ones are INVALID_STATE.
   */
  update(id: string, input: UpdateActivityInput): Promise<Activity> {
    return this.tx.run(async (manager) => {
      const activity = await this.lock(manager, id);
      if (CLOSED_STATUSES.includes(activity.status))
        throw new InvalidStateError(`A ${activity.status} activity can no longer be changed`);
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<UpdateActivityInput>;
      const now = new Date();
      if (activity.status === ActivityStatus.ACTIVE) {
        const locked = Object.keys(changes).filter(
          (k) => !(EDITABLE_WHILE_ACTIVE as readonly string[]).includes(k) && !sameValue(activity[k as keyof Activity], changes[k as keyof UpdateActivityInput]),
        );
        if (locked.length)
          throw new InvalidStateError(`An ACTIVE activity's ${locked.join(', ')} cannot change; only ${EDITABLE_WHILE_ACTIVE.join(', ')} can`);
      }
      for (const required of ['name', 'startsAt', 'endsAt'] as const) {
        if (required in changes && !changes[required]) throw new BadUserInputError({ [`input.${required}`]: 'cannot be cleared' });
      }
      if (activity.status !== ActivityStatus.DRAFT && changes.endsAt && changes.endsAt <= now)
        throw new BadUserInputError({ 'input.endsAt': `must be in the future for a ${activity.status} activity` });
      const shape: ActivityShape = {
        ...pickShape(activity),
        ...(shapeOf({ ...pickShape(activity), ...changes, type: activity.type } as CreateActivityInput)),
      };
      await this.assertValid(manager, shape, 'input', changes);
      if (shape.budgetPoints !== null && shape.budgetPoints < activity.pointsIssued)
        throw new BadUserInputError({ 'input.budgetPoints': `must be at least the ${activity.pointsIssued} points already issued` });
      if (shape.capacity !== null && changes.capacity !== undefined) {
        const taken = await this.signUps(manager, activity.id);
        if (shape.capacity < taken) throw new BadUserInputError({ 'input.capacity': `must be at least the ${taken} sign-ups` });
      }
      Object.assign(activity, shape, {
        name: changes.name ?? activity.name,
        description: changes.description === undefined ? activity.description : changes.description,
      });
      // A scheduled activity moved to a start already passed is running.
      if (activity.status === ActivityStatus.SCHEDULED && activity.startsAt <= now && activity.endsAt > now)
        activity.status = ActivityStatus.ACTIVE;
      return manager.save(activity);
    });
  }

  /** Deletes a DRAFT; anything published is INVALID_STATE (cancel it instead). */
  delete(id: string): Promise<Activity> {
    return this.tx.run(async (manager) => {
      const activity = await this.lock(manager, id);
      if (activity.status !== ActivityStatus.DRAFT)
        throw new InvalidStateError(`Only a DRAFT activity can be deleted; this one is ${activity.status} (cancel it instead)`);
      await manager.remove(activity);
      return Object.assign(activity, { id });
    });
  }

  /** DRAFT → SCHEDULED (announced from announceAt), or ACTIVE when startsAt has come; over already: INVALID_STATE. */
  publish(id: string, now = new Date()): Promise<Activity> {
    return this.tx.run(async (manager) => {
      const activity = await this.lock(manager, id);
      if (activity.status !== ActivityStatus.DRAFT)
        throw new InvalidStateError(`Only a DRAFT activity can be published; this one is ${activity.status}`);
      if (activity.endsAt <= now) throw new InvalidStateError('The activity’s window is already over');
      await this.assertValid(manager, pickShape(activity), 'activity');
      activity.status = activity.startsAt <= now ? ActivityStatus.ACTIVE : ActivityStatus.SCHEDULED;
      activity.publishedAt = now;
      return manager.save(activity);
    });
  }

  /**
   * Cancels an activity that has not ended (DRAFT, SCHEDULED, ACTIVE): it stops applying at once and
   * its open sign-ups are CANCELLED (no rewards). Points already earned stay with the members.
   */
  cancel(input: CancelActivityInput): Promise<Activity> {
    return this.tx.run(async (manager) => {
      const activity = await this.lock(manager, input.activityId);
      if (CLOSED_STATUSES.includes(activity.status))
        throw new InvalidStateError(`A ${activity.status} activity cannot be cancelled`);
      activity.status = ActivityStatus.CANCELLED;
      activity.cancelReason = input.reason;
      const saved = await manager.save(activity);
      await executeUpdate(
        manager,
        'UPDATE `activity_participation` SET `status` = ?, `updatedAt` = ' + dialectOf(manager).now() + ' WHERE `activityId` = ? AND `status` IN (?, ?)',
        [ParticipationStatus.CANCELLED, activity.id, ParticipationStatus.REGISTERED, ParticipationStatus.CHECKED_IN],
      );
      return saved;
    });
  }

  /**
   * What a member sees in the app: SCHEDULED or ACTIVE activities announced by now (announceAt, or
   * startsAt without a warm-up) and not over, for the member's tier and home dealership.
   */
  async forMember(memberId: string, now = new Date()): Promise<Activity[]> {
    const member = await this.dataSource.manager.findOneBy(Member, { id: memberId });
    if (!member || member.status !== MemberStatus.ACTIVE) return [];
    const candidates = await this.activities
      .createQueryBuilder('a')
      .where('a.status IN (:...statuses)', { statuses: [ActivityStatus.SCHEDULED, ActivityStatus.ACTIVE] })
      .andWhere('COALESCE(a.announceAt, a.startsAt) <= :now AND a.endsAt > :now', { now })
      .orderBy('a.startsAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return candidates.filter((a) => memberEligible(a, member));
  }

  /** Sign-ups that hold a place: every participation not CANCELLED. */
  async signUps(manager: EntityManager, activityId: string): Promise<number> {
    return manager.countBy(ActivityParticipation, {
      activityId,
      status: In([ParticipationStatus.REGISTERED, ParticipationStatus.CHECKED_IN, ParticipationStatus.REWARDED]),
    });
  }

  /** Configuration rules, and that the tiers and dealerships named exist (BAD_USER_INPUT naming the field). */
  async assertValid(manager: EntityManager, shape: ActivityShape, prefix: string, only?: object): Promise<void> {
    const problems = configurationProblems(shape, prefix);
    const check = async (field: 'eligibleTierIds' | 'dealershipIds', entity: typeof Tier | typeof Dealership, label: string) => {
      if (only && !(field in only)) return;
      const ids = shape[field];
      if (!ids.length) return;
      const found = await manager.find(entity, { where: { id: In(ids) }, select: { id: true } });
      const missing = ids.filter((id) => !found.some((f) => f.id === id));
      if (missing.length) problems[`${prefix}.${field}`] = `${missing.join(', ')} ${missing.length === 1 ? 'is not an existing' : 'are not existing'} ${label}`;
    };
    await check('eligibleTierIds', Tier, 'tier');
    await check('dealershipIds', Dealership, 'dealership');
    if (Object.keys(problems).length) throw new BadUserInputError(problems);
  }
}

/** The configuration part of an input, with empty lists and nulls for what it leaves out. */
export function shapeOf(input: Partial<CreateActivityInput> & Pick<CreateActivityInput, 'type' | 'startsAt' | 'endsAt'>): ActivityShape {
  return {
    type: input.type,
    announceAt: input.announceAt ?? null,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    eligibleTierIds: [...new Set(input.eligibleTierIds ?? [])],
    dealershipIds: [...new Set(input.dealershipIds ?? [])],
    transactionTypes: [...new Set(input.transactionTypes ?? [])],
    minAmount: input.minAmount ?? null,
    multiplier: input.multiplier ?? null,
    bonusPoints: input.bonusPoints ?? null,
    rewardPoints: input.rewardPoints ?? null,
    capacity: input.capacity ?? null,
    budgetPoints: input.budgetPoints ?? null,
    fixedCost: input.fixedCost ?? null,
  };
}

function pickShape(a: Activity): ActivityShape {
  return shapeOf(a as unknown as CreateActivityInput);
}

function sameValue(current: unknown, next: unknown): boolean {
  const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : Array.isArray(v) ? JSON.stringify([...v].sort()) : (v ?? null));
  return norm(current) === norm(next);
}

