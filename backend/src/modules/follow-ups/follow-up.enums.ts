import { registerEnumType } from '@nestjs/graphql';

export enum FollowUpKind {
  POST_SERVICE = 'POST_SERVICE',
  POST_COMPLAINT = 'POST_COMPLAINT',
  POST_EVENT = 'POST_EVENT',
  DORMANT_RECALL = 'DORMANT_RECALL',
}
registerEnumType(FollowUpKind, { name: 'FollowUpKind', description: 'After a service, a resolved complaint or an attended event; or recalling a dormant member.' });

export enum FollowUpStatus {
  PENDING = 'PENDING',
  DONE = 'DONE',
  UNREACHABLE = 'UNREACHABLE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus', description: 'UNREACHABLE after three unanswered attempts.' });
