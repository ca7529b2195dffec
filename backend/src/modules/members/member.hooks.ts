import { Injectable } from '@nestjs/common';
import { HookRegistry } from '../../common/hooks';
import { Member } from './member.entity';

export interface MemberEvent {
  member: Member;
  /** The referral code the member registered with, if any. */
  referralCode?: string | null;
}

/** Listeners to a new member (at a store or online), in the registration's transaction. */
@Injectable()
export class MemberJoinedHooks extends HookRegistry<MemberEvent> {}

/** Listeners to a member becoming ACTIVE (store registration, or an online one activated). */
@Injectable()
export class MemberActivatedHooks extends HookRegistry<MemberEvent> {}
