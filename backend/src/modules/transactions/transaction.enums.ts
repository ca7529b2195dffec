import { registerEnumType } from '@nestjs/graphql';

/** What was sold or serviced; each type earns points at its own rate. */
export enum TransactionType {
  VEHICLE_PURCHASE = 'VEHICLE_PURCHASE',
  MAINTENANCE = 'MAINTENANCE',
  REPAIR = 'REPAIR',
  PARTS = 'PARTS',
  ACCESSORY = 'ACCESSORY',
  INSURANCE = 'INSURANCE',
  WASH = 'WASH',
  OTHER = 'OTHER',
}
registerEnumType(TransactionType, {
  name: 'TransactionType',
  description: 'Kind of sale or service: 购车, 保养, 维修, 配件, 精品附件, 保险, 洗车, other.',
});

export enum TransactionStatus {
  POSTED = 'POSTED',
  REVERSED = 'REVERSED',
}
registerEnumType(TransactionStatus, { name: 'TransactionStatus', description: 'POSTED, or REVERSED (冲销) with its points clawed back.' });
