import { Activity } from '../modules/activities/activity.entity';
import { Card } from '../modules/cards/card.entity';
import { CardEntry } from '../modules/cards/card-entry.entity';
import { ActivityParticipation } from '../modules/activities/activity-participation.entity';
import { BenefitCode } from '../modules/benefits/benefit-code.entity';
import { BenefitRedemption } from '../modules/benefits/benefit-redemption.entity';
import { Benefit } from '../modules/benefits/benefit.entity';
import { MemberBenefit } from '../modules/benefits/member-benefit.entity';
import { Referral } from '../modules/referrals/referral.entity';
import { ComplaintEvent } from '../modules/complaints/complaint-event.entity';
import { Complaint } from '../modules/complaints/complaint.entity';
import { FollowUp } from '../modules/follow-ups/follow-up.entity';
import { ApiClient } from '../modules/api-clients/api-client.entity';
import { AuditLog } from '../modules/audit/audit-log.entity';
import { Dealership } from '../modules/dealerships/dealership.entity';
import { JobLock } from '../modules/jobs/job-lock.entity';
import { JobRun } from '../modules/jobs/job-run.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { SeedState } from '../modules/seeding/seed-state.entity';
import { StaffUser } from '../modules/staff/staff-user.entity';
import { Member } from '../modules/members/member.entity';
import { VerificationCode } from '../modules/members/verification-code.entity';
import { PointsEntry } from '../modules/points/points-entry.entity';
import { PointsLot } from '../modules/points/points-lot.entity';
import { ProgrammeSetting } from '../modules/programme/programme-setting.entity';
import { TierChange } from '../modules/tiers/tier-change.entity';
import { Tier } from '../modules/tiers/tier.entity';
import { SalesTransaction } from '../modules/transactions/sales-transaction.entity';
import { TransactionActivity } from '../modules/transactions/transaction-activity.entity';
import { Vehicle } from '../modules/vehicles/vehicle.entity';

/** Every entity of the application; the data source and the migration generator both use this list. */
export const ENTITIES = [
  Dealership,
  StaffUser,
  ApiClient,
  AuditLog,
  JobRun,
  JobLock,
  Notification,
  SeedState,
  ProgrammeSetting,
  Tier,
  TierChange,
  Member,
  VerificationCode,
  Vehicle,
  SalesTransaction,
  TransactionActivity,
  PointsEntry,
  PointsLot,
  Activity,
  Card,
  CardEntry,
  Benefit,
  MemberBenefit,
  BenefitRedemption,
  BenefitCode,
  ActivityParticipation,
  Referral,
  Complaint,
  ComplaintEvent,
  FollowUp,
];
