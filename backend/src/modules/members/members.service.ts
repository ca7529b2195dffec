import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';
import { Principal } from '../../common/auth';
import { encryptField } from '../../common/crypto';
import { readEntity, TransactionService } from '../../common/database';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  RateLimitedError,
  uniqueOrConflict,
} from '../../common/errors';
import { escapeLike, ListArgs, listQuery, Page } from '../../common/list';
import { localDate } from '../../common/time';
import { assertNotCleared, maskIdCard, normalizePlate } from '../../common/validation';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Dealership } from '../dealerships/dealership.entity';
import { TiersService } from '../tiers/tiers.service';
import { VehiclesService } from '../vehicles/vehicles.service';
import { actingDealership, assertCanEditMember, storeOf } from './member-access';
import { newMemberNo, newReferralCode } from './member-numbers';
import { Member } from './member.entity';
import { MemberActivatedHooks, MemberJoinedHooks } from './member.hooks';
import { MemberStatus, PHONE_HOLDING_STATUSES, RegistrationChannel } from './member.enums';
import {
  ActivateMemberInput,
  CreateMemberInput,
  EraseMemberInput,
  MemberFilter,
  MemberSort,
  RegisterMemberInput,
  SetMemberStatusInput,
  UpdateMemberInput,
} from './members.types';
import { CodePurpose } from './verification-code.entity';
import { VerificationCodesService } from './verification-codes.service';

/** Which status changes `setMemberStatus` allows: freeze, unfreeze, cancel. */
const STATUS_CHANGES: Record<string, MemberStatus[]> = {
  [MemberStatus.ACTIVE]: [MemberStatus.FROZEN, MemberStatus.CANCELLED],
  [MemberStatus.FROZEN]: [MemberStatus.ACTIVE, MemberStatus.CANCELLED],
};

export const ERASED_NAME = '已注销会员';

/** Members: registration both ways, activation, profile, status and erasure. */
@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(Member) private readonly members: Repository<Member>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly tiers: TiersService,
    private readonly vehicles: VehiclesService,
    private readonly codes: VerificationCodesService,
    private readonly joined: MemberJoinedHooks,
    private readonly activated: MemberActivatedHooks,
  ) {}

  /**
   * Store staff list their dealership's members; a member of another store appears only when `q`
   * is exactly their phone, member number or a plate of theirs.
   */
  list(principal: Principal, args: ListArgs<MemberFilter, MemberSort>): Promise<Page<Member>> {
    const store = storeOf(principal);
    const q = args.filter?.q?.trim();
    return listQuery(this.members, args, {
      filters: {
        q: (qb, alias, text: string) => {
          const value = text.trim();
          if (!value) return;
          qb.andWhere(
            new Brackets((or) =>
              or
                .where(`${alias}.name LIKE :q ESCAPE '!'`)
                .orWhere(`${alias}.phone LIKE :q ESCAPE '!'`)
                .orWhere(`${alias}.memberNo LIKE :q ESCAPE '!'`)
                .orWhere(
                  `${alias}.id IN (SELECT v.memberId FROM vehicle v WHERE v.plateNumber LIKE :qPlate ESCAPE '!')`,
                ),
            ),
            { q: `%${escapeLike(value)}%`, qPlate: `%${escapeLike(normalizePlate(value))}%` },
          );
        },
        birthdayMonth: (qb, alias, month: number) =>
          qb.andWhere(`SUBSTR(${alias}.birthday, 6, 2) = :birthdayMonth`, {
            birthdayMonth: String(month).padStart(2, '0'),
          }),
      },
      scope: (qb, alias) => {
        if (!store) return;
        qb.andWhere(
          new Brackets((or) => {
            or.where(`${alias}.homeDealershipId = :store`, { store });
            if (q) {
              or.orWhere(`${alias}.phone = :exact`)
                .orWhere(`${alias}.memberNo = :exact`)
                .orWhere(
                  `${alias}.id IN (SELECT ve.memberId FROM vehicle ve WHERE ve.plateNumber = :exactPlate)`,
                );
            }
          }),
          q ? { exact: q, exactPlate: normalizePlate(q) } : {},
        );
      },
    });
  }

  findOne(id: string): Promise<Member | null> {
    return readEntity(this.members.manager, Member, { id });
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Member> {
    const member = await readEntity(manager, Member, { id });
    if (!member) throw new NotFoundError('Member', id);
    return member;
  }

  /** The member who holds a phone number now (not ERASED or LAPSED). */
  findByPhone(phone: string): Promise<Member | null> {
    return this.members.findOneBy({ phoneKey: phone });
  }

  /** Registration at a store: ACTIVE at once, channel STORE, optionally with the first vehicle. */
  async create(principal: Principal, input: CreateMemberInput): Promise<Member> {
    const homeDealershipId = actingDealership(principal, input.homeDealershipId);
    return this.tx.run(async (manager) => {
      const member = await this.insert(
        manager,
        { ...input, homeDealershipId: homeDealershipId ?? undefined },
        {
          status: MemberStatus.ACTIVE,
          channel: RegistrationChannel.STORE,
          activatedAt: new Date(),
        },
      );
      if (input.vehicle)
        await this.vehicles.addVehicle(manager, member.id, input.vehicle, homeDealershipId, 'input.vehicle');
      return member;
    });
  }

  /** Online self-registration: PENDING_ACTIVATION until the SMS code sent now is entered. */
  async register(input: RegisterMemberInput): Promise<Member> {
    const { member, notificationId } = await this.tx.run(async (manager) => {
      const created = await this.insert(manager, input, {
        status: MemberStatus.PENDING_ACTIVATION,
        channel: input.channel,
        activatedAt: null,
      });
      const code = await this.codes.issue(manager, {
        purpose: CodePurpose.ACTIVATION,
        phone: created.phone,
        memberId: created.id,
        name: created.name,
      });
      return { member: created, notificationId: code.notificationId };
    });
    await this.codes.send(notificationId);
    return member;
  }

  async sendActivationCode(memberId: string): Promise<boolean> {
    const notificationId = await this.tx.run(async (manager) => {
      const member = await this.get(memberId, manager);
      if (member.status !== MemberStatus.PENDING_ACTIVATION)
        throw new InvalidStateError(`Member is ${member.status}, not awaiting activation`);
      return (
        await this.codes.issue(manager, {
          purpose: CodePurpose.ACTIVATION,
          phone: member.phone,
          memberId: member.id,
          name: member.name,
        })
      ).notificationId;
    });
    await this.codes.send(notificationId);
    return true;
  }

  async activate(input: ActivateMemberInput): Promise<Member> {
    const member = await this.get(input.memberId);
    if (member.status !== MemberStatus.PENDING_ACTIVATION)
      throw new InvalidStateError(`Member is ${member.status}, not awaiting activation`);
    const check = await this.codes.check({
      purpose: CodePurpose.ACTIVATION,
      phone: member.phone,
      code: input.code,
    });
    if (check === 'LOCKED') throw new RateLimitedError('Too many wrong codes: request a new one');
    if (check !== 'OK')
      throw new BadUserInputError({
        'input.code': check === 'WRONG' ? 'is wrong' : 'has expired or was never sent',
      });
    return this.tx.run(async (manager) => {
      const fresh = await this.get(member.id, manager);
      if (fresh.status !== MemberStatus.PENDING_ACTIVATION)
        throw new InvalidStateError(`Member is ${fresh.status}, not awaiting activation`);
      fresh.status = MemberStatus.ACTIVE;
      fresh.activatedAt = new Date();
      const activated = await manager.save(fresh);
      await this.activated.run(manager, { member: activated });
      return activated;
    });
  }

  update(principal: Principal, id: string, input: UpdateMemberInput): Promise<Member> {
    assertNotCleared(input, ['name', 'phone', 'marketingConsent']);
    return this.tx.run(async (manager) => {
      const member = await this.get(id, manager);
      assertCanEditMember(principal, member);
      if (member.status === MemberStatus.ERASED)
        throw new InvalidStateError('An erased member cannot be changed');
      if (input.homeDealershipId !== undefined) {
        if (storeOf(principal) && input.homeDealershipId !== member.homeDealershipId) {
          throw new ForbiddenError('Store staff cannot move a member to another dealership');
        }
        if (input.homeDealershipId)
          await this.assertDealership(manager, input.homeDealershipId, 'input.homeDealershipId');
      }
      this.assertBirthdayPast(input.birthday, 'input.birthday');
      const { idNumber, phone, ...plain } = input;
      for (const [key, value] of Object.entries(plain))
        if (value !== undefined) Object.assign(member, { [key]: value });
      if (idNumber !== undefined) Object.assign(member, this.idNumberFields(idNumber));
      if (phone !== undefined && phone !== member.phone) {
        await this.assertPhoneFree(manager, phone, 'input.phone');
        member.phone = phone;
        member.phoneKey = PHONE_HOLDING_STATUSES.includes(member.status) ? phone : null;
      }
      return uniqueOrConflict(
        () => manager.save(member),
        'This phone number belongs to another member',
        'input.phone',
      );
    });
  }

  setStatus(principal: Principal, input: SetMemberStatusInput): Promise<Member> {
    return this.tx.run(async (manager) => {
      const member = await this.get(input.memberId, manager);
      assertCanEditMember(principal, member);
      if (!STATUS_CHANGES[member.status]?.includes(input.status)) {
        throw new InvalidStateError(`A ${member.status} member cannot be set ${input.status}`);
      }
      member.status = input.status;
      member.statusReason = input.reason;
      return manager.save(member);
    });
  }

  /** PIPL deletion: personal data anonymised, status ERASED; ledgers and transactions stay. */
  erase(principal: Principal, input: EraseMemberInput): Promise<Member> {
    return this.tx.run(async (manager) => {
      const member = await this.get(input.memberId, manager);
      assertCanEditMember(principal, member);
      if (member.status === MemberStatus.ERASED) throw new InvalidStateError('The member is already erased');
      Object.assign(member, {
        name: ERASED_NAME,
        phone: '',
        phoneKey: null,
        email: null,
        idNumberEncrypted: null,
        idNumberMasked: null,
        birthday: null,
        gender: null,
        city: null,
        marketingConsent: false,
        status: MemberStatus.ERASED,
        statusReason: input.reason,
        erasedAt: new Date(),
      });
      return manager.save(member);
    });
  }

  private async insert(
    manager: EntityManager,
    input: CreateMemberInput | RegisterMemberInput,
    state: Pick<Member, 'status' | 'channel' | 'activatedAt'>,
  ): Promise<Member> {
    this.assertBirthdayPast(input.birthday, 'input.birthday');
    await this.assertPhoneFree(manager, input.phone, 'input.phone');
    if (input.homeDealershipId)
      await this.assertDealership(manager, input.homeDealershipId, 'input.homeDealershipId');
    let referredById: string | null = null;
    if (input.referralCode) {
      const referrer = await manager.findOneBy(Member, { referralCode: input.referralCode });
      if (!referrer || referrer.status === MemberStatus.ERASED)
        throw new BadUserInputError({ 'input.referralCode': 'is not a member’s referral code' });
      referredById = referrer.id;
    }
    const entry = await this.tiers.entryTier(manager);
    const { memberNo, referralCode } = await this.uniqueNumbers(manager);
    const idNumber = 'idNumber' in input ? input.idNumber : undefined;
    const member = manager.create(Member, {
      memberNo,
      referralCode,
      name: input.name,
      phone: input.phone,
      phoneKey: input.phone,
      gender: input.gender ?? null,
      birthday: input.birthday ?? null,
      email: input.email ?? null,
      city: input.city ?? null,
      ...this.idNumberFields(idNumber ?? null),
      homeDealershipId: input.homeDealershipId ?? null,
      tierId: entry.id,
      tierAchievedAt: new Date(),
      tierReviewAt: null,
      referredById,
      marketingConsent: input.marketingConsent ?? false,
      segment: null,
      lastTransactionAt: null,
      statusReason: null,
      erasedAt: null,
      ...state,
    });
    const saved = await uniqueOrConflict(
      () => manager.save(member),
      'This phone number belongs to another member',
      'input.phone',
    );
    await this.joined.run(manager, { member: saved, referralCode: input.referralCode ?? null });
    if (saved.status === MemberStatus.ACTIVE) await this.activated.run(manager, { member: saved });
    return saved;
  }

  private idNumberFields(idNumber: string | null): Pick<Member, 'idNumberEncrypted' | 'idNumberMasked'> {
    if (!idNumber) return { idNumberEncrypted: null, idNumberMasked: null };
    return {
      idNumberEncrypted: encryptField(idNumber, this.config.dataEncryptionKey),
      idNumberMasked: maskIdCard(idNumber),
    };
  }

  private assertBirthdayPast(birthday: string | null | undefined, field: string) {
    if (birthday && birthday > localDate(new Date(), this.config.programmeTimeZone)) {
      throw new BadUserInputError({ [field]: 'must not be in the future' });
    }
  }

  private async assertPhoneFree(manager: EntityManager, phone: string, field: string) {
    if (await manager.existsBy(Member, { phoneKey: phone }))
      throw new ConflictError('This phone number belongs to another member', field);
  }

  private async assertDealership(manager: EntityManager, id: string, field: string) {
    if (!(await manager.existsBy(Dealership, { id })))
      throw new BadUserInputError({ [field]: 'is not an existing dealership' });
  }

  private async uniqueNumbers(manager: EntityManager): Promise<{ memberNo: string; referralCode: string }> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const memberNo = newMemberNo();
      const referralCode = newReferralCode();
      const taken = await manager
        .createQueryBuilder(Member, 'm')
        .where('m.memberNo = :memberNo OR m.referralCode = :referralCode', { memberNo, referralCode })
        .getExists();
      if (!taken) return { memberNo, referralCode };
    }
    throw new Error('Could not generate a unique member number');
  }
}
