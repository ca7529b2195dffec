import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDate, IsIn, IsOptional, IsString } from 'class-validator';
import { DateScalar, MoneyScalar } from '../../common/scalars';

@ObjectType({ description: 'Stored value owed by one issuing dealership.' })
export class DealershipBalance {
  @Field(() => ID)
  dealershipId: string;

  @Field(() => MoneyScalar)
  balance: number;

  @Field(() => MoneyScalar)
  principalBalance: number;

  @Field(() => MoneyScalar)
  bonusBalance: number;

  @Field(() => Int, { description: 'Cards holding value.' })
  cardCount: number;

  @Field(() => MoneyScalar, { description: 'Of the balance, on cards past their expiry: still owed until refunded or extended.' })
  expiredBalance: number;
}

@ObjectType({ description: 'Outstanding stored value (储值余额) at an instant, recomputed from the card ledger.' })
export class StoredValueLiability {
  @Field()
  asOf: Date;

  @Field(() => MoneyScalar)
  totalBalance: number;

  @Field(() => MoneyScalar)
  principalBalance: number;

  @Field(() => MoneyScalar)
  bonusBalance: number;

  @Field(() => Int)
  cardCount: number;

  @Field(() => MoneyScalar, { description: 'On expired cards, still owed.' })
  expiredBalance: number;

  @Field(() => [DealershipBalance])
  byDealership: DealershipBalance[];
}

@ObjectType()
export class StoredValueDay {
  @Field(() => DateScalar, { description: 'Calendar day in the programme time zone.' })
  date: string;

  @Field(() => MoneyScalar, { description: 'Principal paid in.' })
  recharged: number;

  @Field(() => MoneyScalar)
  bonusGranted: number;

  @Field(() => MoneyScalar, { description: 'Principal and bonus spent.' })
  consumed: number;

  @Field(() => MoneyScalar, { description: 'Principal paid back.' })
  refunded: number;
}

@ObjectType({ description: 'Stored-value movements over a period (储值流水汇总).' })
export class StoredValueMovements {
  @Field(() => MoneyScalar)
  recharged: number;

  @Field(() => MoneyScalar)
  bonusGranted: number;

  @Field(() => MoneyScalar)
  consumedPrincipal: number;

  @Field(() => MoneyScalar)
  consumedBonus: number;

  @Field(() => MoneyScalar)
  refunded: number;

  @Field(() => MoneyScalar, { description: 'Bonus given up by refunds.' })
  forfeitedBonus: number;

  @Field(() => [StoredValueDay])
  days: StoredValueDay[];
}

@ObjectType({ description: 'Value issued by one dealership and spent at another (跨店结算).' })
export class SettlementLine {
  @Field(() => ID)
  issuingDealershipId: string;

  @Field(() => ID)
  consumingDealershipId: string;

  @Field(() => MoneyScalar)
  principalAmount: number;

  @Field(() => MoneyScalar)
  bonusAmount: number;

  @Field(() => Int)
  entryCount: number;
}

@ObjectType()
export class LedgerMismatch {
  @Field({ description: 'What disagrees, e.g. POINTS_BALANCE, POINTS_LOTS, CARD_BALANCE, CARD_PRINCIPAL.' })
  kind: string;

  @Field(() => ID)
  entityId: string;

  @Field(() => Float, { description: 'What the ledger says.' })
  expected: number;

  @Field(() => Float, { description: 'What the cached balance says.' })
  actual: number;
}

@ObjectType({ description: 'Every points and card balance recomputed from its ledger.' })
export class LedgerIntegrityReport {
  @Field()
  checkedAt: Date;

  @Field(() => Int)
  membersChecked: number;

  @Field(() => Int)
  pointsMismatches: number;

  @Field(() => Int)
  cardsChecked: number;

  @Field(() => Int)
  cardMismatches: number;

  @Field(() => [LedgerMismatch])
  mismatches: LedgerMismatch[];
}

export enum FinanceExportKind {
  CARD_ENTRIES = 'CARD_ENTRIES',
  STORED_VALUE_LIABILITY = 'STORED_VALUE_LIABILITY',
  STORED_VALUE_MOVEMENTS = 'STORED_VALUE_MOVEMENTS',
  INTER_STORE_SETTLEMENT = 'INTER_STORE_SETTLEMENT',
}
registerEnumType(FinanceExportKind, { name: 'FinanceExportKind', description: 'Which finance report to export as CSV.' });

@InputType()
export class FinanceExportInput {
  @Field(() => FinanceExportKind)
  @IsIn(Object.values(FinanceExportKind))
  kind: FinanceExportKind;

  @Field({ nullable: true, description: 'Start of the period (movements, settlement, entries).' })
  @IsOptional()
  @IsDate()
  from?: Date;

  @Field({ nullable: true, description: 'End of the period, or the instant of the liability.' })
  @IsOptional()
  @IsDate()
  to?: Date;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  dealershipId?: string;
}

@ObjectType({ description: 'A CSV file (UTF-8 with BOM, for Excel) for the admin panel to download.' })
export class CsvExport {
  @Field()
  filename: string;

  @Field()
  contentType: string;

  @Field()
  content: string;

  @Field(() => Int)
  rows: number;
}
