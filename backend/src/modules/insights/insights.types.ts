import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString } from 'class-validator';
import { DateScalar, MoneyScalar } from '../../common/scalars';
import { MemberSegment } from '../members/member.enums';

@InputType({
  description: 'The period [from, to) of the KPI dashboard (at most 400 days) and optionally one dealership.',
})
export class DashboardFilter {
  @Field({ description: 'Start of the period, inclusive (UTC instant).' })
  @IsDate()
  from: Date;

  @Field({
    description: 'End of the period, exclusive (UTC instant); "at `to`" figures are taken at this instant.',
  })
  @IsDate()
  to: Date;

  @Field(() => ID, {
    nullable: true,
    description:
      "One dealership: member figures (and their points, event sign-ups, tiers, segments) by the members' home dealership (归属门店), their transactions at any store counting for activity; complaints and follow-up calls by their own dealership (those without one count for the group only); stored value by the issuing dealership. Store staff always see their own one.",
  })
  @IsOptional()
  @IsString()
  dealershipId?: string | null;
}

@ObjectType({ description: 'Counted members holding one tier at the end of the period.' })
export class TierCount {
  @Field(() => ID)
  tierId: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'New members registered on one day.' })
export class DailyCount {
  @Field(() => DateScalar, { description: 'Calendar day in the programme time zone.' })
  date: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Counted members in one RFM segment.' })
export class SegmentCount {
  @Field(() => MemberSegment)
  segment: MemberSegment;

  @Field(() => Int)
  count: number;
}

/**
 * The KPI dashboard (经营看板). "Counted members at T" are members created before T that are not
 * PENDING_ACTIVATION or LAPSED (registrations never confirmed are not members) and were not erased
 * before T (FROZEN and CANCELLED members still count). Rates are 0 when their denominator is 0.
 */
@ObjectType({
  description:
    'KPIs over the period [from, to), for the group or one dealership. "Counted members at T": created before T, not PENDING_ACTIVATION or LAPSED, not erased before T (FROZEN and CANCELLED count). Rates are fractions (0.25 = 25 %), 0 when their denominator is 0.',
})
export class Dashboard {
  @Field(() => Int, { description: 'Counted members at `to` (会员总数).' })
  totalMembers: number;

  @Field(() => Int, { description: 'Counted members at `to` created in [from, to) (新增会员).' })
  newMembers: number;

  @Field(() => Float, {
    description: 'newMembers / counted members at `from` (会员增长率); 0 when there were none.',
  })
  memberGrowthRate: number;

  @Field(() => Int, {
    description:
      'Counted members at `to` with at least one paid (amount > 0) transaction at any store that occurred in [to − 30 days, to) and was posted at `to` (not reversed before `to`) (活跃会员).',
  })
  activeMembers30d: number;

  @Field(() => Float, { description: 'activeMembers30d / totalMembers (活跃率).' })
  activeRate: number;

  @Field(() => Float, {
    description:
      'Counted members at `to` whose tier at `to` ranks above the entry tier (Silver and above) / totalMembers (高价值会员占比). The tier at `to` comes from the tier-change history when `to` is in the past.',
  })
  highValueRatio: number;

  @Field(() => Int, {
    description:
      'Points credited in [from, to) by positive EARN, ACTIVITY, REFERRAL, BIRTHDAY and ADJUST entries (积分发放), gross: later reversals are not netted. With a dealership: entries of its members (home dealership).',
  })
  pointsIssued: number;

  @Field(() => Int, {
    description:
      'Points spent by REDEEM entries in [from, to), as a positive number (积分抵扣). With a dealership: its members.',
  })
  pointsRedeemed: number;

  @Field(() => Int, {
    description:
      'Points removed by EXPIRE entries in [from, to), as a positive number (积分过期). With a dealership: its members.',
  })
  pointsExpired: number;

  @Field(() => Float, {
    description:
      'Of the sign-ups (REGISTERED, CHECKED_IN or REWARDED; cancelled ones excluded) for EVENT activities starting in [from, to) and not cancelled, the share that checked in (CHECKED_IN or REWARDED) (活动参与率). With a dealership: sign-ups of its members.',
  })
  activityParticipationRate: number;

  @Field(() => Int, {
    description: 'Complaints created in [from, to) (投诉量). With a dealership: complaints at it.',
  })
  complaintCount: number;

  @Field(() => Float, { description: 'Of complaintCount, the share now RESOLVED or CLOSED (投诉解决率).' })
  complaintResolutionRate: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean hours from creation to resolution of the complaints of complaintCount now RESOLVED or CLOSED, to 0.01 h (平均解决时长); null when none.',
  })
  avgHoursToResolve: number | null;

  @Field(() => Int, {
    description:
      'Complaints overdue now, whenever created: not RESOLVED or CLOSED and past their resolve-by time, or still OPEN past their acknowledge-by time (超时投诉). With a dealership: complaints at it.',
  })
  overdueComplaints: number;

  @Field(() => Float, {
    description:
      'Of the follow-up calls due in [from, to), not cancelled: DONE / (DONE + UNREACHABLE + PENDING already past due now) (回访完成率); calls still pending and not yet due are left out. With a dealership: calls of it.',
  })
  followUpCompletionRate: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean of the 1–5 satisfaction scores given in [from, to): follow-up calls DONE in the period (completedAt) and complaints CLOSED in the period (closedAt), each score once (平均满意度); null when none. With a dealership: calls and complaints of it.',
  })
  avgSatisfaction: number | null;

  @Field(() => MoneyScalar, {
    description:
      'Outstanding stored value (储值余额) at `to`, from the card ledger; with a dealership: cards it issued.',
  })
  storedValueBalance: number;

  @Field(() => [TierCount], {
    description:
      'Counted members at `to` by their tier at `to`, every tier listed (0 included), entry tier first.',
  })
  tierDistribution: TierCount[];

  @Field(() => [DailyCount], {
    description:
      'newMembers per calendar day of the period in the programme time zone, every day listed (0 included), oldest first.',
  })
  newMembersByDay: DailyCount[];

  @Field(() => [SegmentCount], {
    description:
      "Counted members at `to` by their current RFM segment (members without a segment are left out), every segment listed (0 included). The segment is the nightly job's latest.",
  })
  segments: SegmentCount[];
}
