import { registerEnumType } from '@nestjs/graphql';

export enum ComplaintCategory {
  SERVICE_ATTITUDE = 'SERVICE_ATTITUDE',
  OVERCHARGING = 'OVERCHARGING',
  LONG_WAIT = 'LONG_WAIT',
  PRODUCT_QUALITY = 'PRODUCT_QUALITY',
  BROKEN_PROMISE = 'BROKEN_PROMISE',
  NOT_FIXED_FIRST_TIME = 'NOT_FIXED_FIRST_TIME',
  WARRANTY_DISPUTE = 'WARRANTY_DISPUTE',
  POOR_AFTER_SALES = 'POOR_AFTER_SALES',
  EXAGGERATED_ADVERTISING = 'EXAGGERATED_ADVERTISING',
  OTHER = 'OTHER',
}
registerEnumType(ComplaintCategory, {
  name: 'ComplaintCategory',
  description: '服务态度, 乱收费, 等待过长, 产品质量, 承诺未兑现, 一次修不好, 保修纠纷, 售后差, 夸大宣传, other.',
});

export enum ComplaintPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}
registerEnumType(ComplaintPriority, { name: 'ComplaintPriority', description: 'Sets the SLA: URGENT acknowledge 15 min / resolve 24 h; LOW resolve 120 h.' });

export enum ComplaintChannel {
  PHONE = 'PHONE',
  STORE = 'STORE',
  APP = 'APP',
  WECHAT = 'WECHAT',
  EMAIL = 'EMAIL',
}
registerEnumType(ComplaintChannel, { name: 'ComplaintChannel' });

export enum ComplaintStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  IN_PROGRESS = 'IN_PROGRESS',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}
registerEnumType(ComplaintStatus, { name: 'ComplaintStatus', description: 'OPEN → ACKNOWLEDGED → IN_PROGRESS → RESOLVED → CLOSED; RESOLVED may reopen.' });

export enum ComplaintOutcome {
  RESOLVED_COMPENSATED = 'RESOLVED_COMPENSATED',
  RESOLVED_REPAIRED = 'RESOLVED_REPAIRED',
  RESOLVED_EXPLAINED = 'RESOLVED_EXPLAINED',
  UNFOUNDED = 'UNFOUNDED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ComplaintOutcome, { name: 'ComplaintOutcome' });

export enum ComplaintEventType {
  CREATED = 'CREATED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  ASSIGNED = 'ASSIGNED',
  NOTE = 'NOTE',
  ESCALATED = 'ESCALATED',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
  REOPENED = 'REOPENED',
  UPDATED = 'UPDATED',
}
registerEnumType(ComplaintEventType, { name: 'ComplaintEventType' });
