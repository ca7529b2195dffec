import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { Principal } from '../../common/auth';
import { TransactionService } from '../../common/database';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  QuotaExhaustedError,
  uniqueOrConflict,
} from '../../common/errors';
import { ListArgs, listQuery, Page } from '../../common/list';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { storeOf } from '../members/member-access';
import { Member } from '../members/member.entity';
import { MemberStatus } from '../members/member.enums';
import { ActivitiesService } from './activities.service';
import { ActivityParticipationFilter, ActivityParticipationSort, CheckInParticipantInput, RegisterForActivityInput } from './activities.types';
import { ActivityParticipation, ParticipationStatus } from './activity-participation.entity';
import { checkInWindow, jsonElementPattern, memberEligible } from './activity-rules';
import { ActivityStatus, ActivityType } from './activity.enums';

const OPEN_FOR_SIGN_UP = [ActivityStatus.SCHEDULED, ActivityStatus.ACTIVE];
const OPEN_FOR_CHECK_IN = [ActivityStatus.SCHEDULED, ActivityStatus.ACTIVE, ActivityStatus.ENDED];

export interface RegisterOptions {
  /** The member signs up in the app: the activity must already be announced to members. */
  byMember?: boolean;
}

/**
 * Sign-ups (报名) and check-ins (签到) of EVENT activities. A sign-up takes the activity's row first,
 * so concurrent sign-ups queue and the capacity check sees every place taken before it: an event is
 * never over capacity, on any database. One sign-up per member and event (CONFLICT otherwise).
 */
@Injectable()
export class ActivityParticipationsService {
  constructor(
    @InjectRepository(ActivityParticipation) private readonly participations: Repository<ActivityParticipation>,
    private readonly activities: ActivitiesService,
    private readonly tx: TransactionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Store staff see the sign-ups of events held at their dealership (or group-wide ones) and of
   * their own members; everybody else sees all.
   */
  list(principal: Principal | undefined, args: ListArgs<ActivityParticipationFilter, ActivityParticipationSort>): Promise<Page<ActivityParticipation>> {
    const store = storeOf(principal);
    return listQuery(this.participations, args, {
      defaultSort: { field: 'REGISTERED_AT', order: 'ASC' },
      scope: (qb, alias) => {
        if (!store) return;
        qb.andWhere(
          new Brackets((or) =>
            or
              .where(
                `${alias}.activityId IN (SELECT sa.id FROM activity sa WHERE sa.dealershipIds = '[]' OR sa.dealershipIds LIKE :storePattern ESCAPE '!')`,
              )
              .orWhere(`${alias}.memberId IN (SELECT sm.id FROM member sm WHERE sm.homeDealershipId = :store)`),
          ),
          { store, storePattern: jsonElementPattern(store) },
        );
      },
    });
  }

  findOne(id: string): Promise<ActivityParticipation | null> {
    return this.participations.findOneBy({ id });
  }

  /**
   * Signs a member up for an EVENT that is SCHEDULED or ACTIVE and not over: the member ACTIVE, in
   * an eligible tier and (when the event is limited to dealerships) a member of one of them, a place
   * left (QUOTA_EXHAUSTED when full), not signed up before (CONFLICT).
   */
  register(input: RegisterForActivityInput, options: RegisterOptions = {}): Promise<ActivityParticipation> {
    const field = options.byMember ? 'activityId' : 'input.memberId';
    return uniqueOrConflict(
      () =>
        this.tx.run(async (manager) => {
          const now = new Date();
          const activity = await this.activities.lock(manager, input.activityId);
          if (options.byMember && (activity.announceAt ?? activity.startsAt) > now) throw new NotFoundError('Activity', input.activityId);
          if (activity.type !== ActivityType.EVENT)
            throw new BadUserInputError({ [options.byMember ? 'activityId' : 'input.activityId']: 'is not an EVENT: only events take sign-ups' });
          if (!OPEN_FOR_SIGN_UP.includes(activity.status) || activity.endsAt <= now)
            throw new InvalidStateError(`Sign-up is closed: the activity is ${activity.endsAt <= now ? 'over' : activity.status}`);
          const member = await manager.findOneBy(Member, { id: input.memberId });
          if (!member) throw new BadUserInputError({ 'input.memberId': 'is not an existing member' });
          if (member.status !== MemberStatus.ACTIVE) throw new InvalidStateError(`A ${member.status} member cannot sign up`);
          if (!memberEligible(activity, member))
            throw new InvalidStateError('The member is not eligible for this activity (tier or home dealership)');
          if (await manager.existsBy(ActivityParticipation, { activityId: activity.id, memberId: member.id }))
            throw new ConflictError('The member has already signed up for this activity', field);
          const taken = await this.activities.signUps(manager, activity.id);
          if (activity.capacity !== null && taken >= activity.capacity)
            throw new QuotaExhaustedError(`The event is full: all ${activity.capacity} places are taken`);
          return manager.save(
            manager.create(ActivityParticipation, {
              activityId: activity.id,
              memberId: member.id,
              status: ParticipationStatus.REGISTERED,
              registeredAt: now,
              checkedInAt: null,
              rewardedPoints: null,
              rewardedAt: null,
            }),
          );
        }),
      'The member has already signed up for this activity',
      field,
    );
  }

  /**
   * REGISTERED → CHECKED_IN, while the event's check-in desk is open: from the start of the
   * (programme-local) day it starts on to the end of the day it ends on, and before settlement.
   * A second check-in is INVALID_STATE. Store staff check in only at events held at their dealership.
   */
  checkIn(principal: Principal, input: CheckInParticipantInput, now = new Date()): Promise<ActivityParticipation> {
    return this.tx.run(async (manager) => {
      const found = await manager.findOneBy(ActivityParticipation, { id: input.participationId });
      if (!found) throw new NotFoundError('Participation', input.participationId);
      const activity = await this.activities.lock(manager, found.activityId);
      const store = storeOf(principal);
      if (store && activity.dealershipIds.length && !activity.dealershipIds.includes(store))
        throw new ForbiddenError('Store staff check in only at events held at their own dealership');
      if (!OPEN_FOR_CHECK_IN.includes(activity.status)) throw new InvalidStateError(`Check-in is closed: the activity is ${activity.status}`);
      const desk = checkInWindow(activity, this.config.programmeTimeZone);
      if (now < desk.opensAt || now >= desk.closesAt)
        throw new InvalidStateError(`Check-in is open from ${desk.opensAt.toISOString()} to ${desk.closesAt.toISOString()}`);
      // Check-ins of one event queue on its row (taken above), so this read is current.
      const participation = await manager.findOneByOrFail(ActivityParticipation, { id: found.id });
      if (participation.status !== ParticipationStatus.REGISTERED)
        throw new InvalidStateError(`The participant is ${participation.status}, not REGISTERED`);
      participation.status = ParticipationStatus.CHECKED_IN;
      participation.checkedInAt = now;
      await manager.save(participation);
      return participation;
    });
  }
}
