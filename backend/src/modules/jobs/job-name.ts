import { registerEnumType } from '@nestjs/graphql';

/** The scheduled jobs of the platform. */
export enum JobName {
  REMINDERS = 'REMINDERS',
  TIER_EVALUATION = 'TIER_EVALUATION',
  POINTS_EXPIRY = 'POINTS_EXPIRY',
  BENEFIT_GRANTS = 'BENEFIT_GRANTS',
  ACTIVITY_LIFECYCLE = 'ACTIVITY_LIFECYCLE',
  BIRTHDAY_REWARDS = 'BIRTHDAY_REWARDS',
  SEGMENTATION = 'SEGMENTATION',
  COMPLAINT_ESCALATION = 'COMPLAINT_ESCALATION',
  FOLLOW_UP_GENERATION = 'FOLLOW_UP_GENERATION',
  ACTIVATION_LAPSE = 'ACTIVATION_LAPSE',
  CARD_EXPIRY = 'CARD_EXPIRY',
  NOTIFICATION_DISPATCH = 'NOTIFICATION_DISPATCH',
}
registerEnumType(JobName, { name: 'JobName', description: 'A scheduled job of the platform.' });

export enum JobRunStatus {
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  SKIPPED = 'SKIPPED',
}
registerEnumType(JobRunStatus, {
  name: 'JobRunStatus',
  description: 'How a job run ended; SKIPPED when another instance held the lease for the window.',
});
