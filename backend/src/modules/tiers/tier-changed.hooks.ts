import { Injectable } from '@nestjs/common';
import { HookRegistry } from '../../common/hooks';
import { TierChangeReason } from './tier-change.entity';

export interface TierChangedEvent {
  memberId: string;
  fromTierId: string | null;
  toTierId: string;
  reason: TierChangeReason;
  /** When the change takes effect (the job's `asOf`, or now). */
  asOf: Date;
  /** The new tier's review date; null for the entry tier. */
  reviewAt: Date | null;
}

/** Listeners to a member's move between tiers (benefit grants and revocations), in its transaction. */
@Injectable()
export class TierChangedHooks extends HookRegistry<TierChangedEvent> {}
