import { registerEnumType } from '@nestjs/graphql';

export enum CardType {
  MEMBERSHIP = 'MEMBERSHIP',
  STORED_VALUE = 'STORED_VALUE',
  COUNT = 'COUNT',
}
registerEnumType(CardType, {
  name: 'CardType',
  description: 'MEMBERSHIP (会员卡), STORED_VALUE (储值卡: principal and bonus), COUNT (次卡/套餐卡: N uses of a named service).',
});

export enum CardStatus {
  ACTIVE = 'ACTIVE',
  FROZEN = 'FROZEN',
  LOST = 'LOST',
  REPLACED = 'REPLACED',
  REFUNDED = 'REFUNDED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(CardStatus, {
  name: 'CardStatus',
  description: 'Only ACTIVE cards take top-ups and spending; LOST (挂失) is blocked at once; REPLACED points to its replacement.',
});

export enum CardEntryType {
  ISSUE = 'ISSUE',
  RECHARGE = 'RECHARGE',
  CONSUME = 'CONSUME',
  REFUND = 'REFUND',
  TRANSFER_IN = 'TRANSFER_IN',
  TRANSFER_OUT = 'TRANSFER_OUT',
  ADJUST = 'ADJUST',
  EXPIRE = 'EXPIRE',
}
registerEnumType(CardEntryType, {
  name: 'CardEntryType',
  description: 'RECHARGE and TRANSFER_IN add value; CONSUME, REFUND, TRANSFER_OUT and EXPIRE take it away.',
});

export enum PaymentMethod {
  CASH = 'CASH',
  BANK_CARD = 'BANK_CARD',
  MOBILE_PAY = 'MOBILE_PAY',
  TRANSFER = 'TRANSFER',
  OTHER = 'OTHER',
}
registerEnumType(PaymentMethod, { name: 'PaymentMethod', description: '现金, 银行卡, 移动支付 (WeChat Pay/Alipay), 转账, other.' });
