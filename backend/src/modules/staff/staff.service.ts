import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Principal, StaffPrincipal, StaffRole } from '../../common/auth';
import { readEntity, TransactionService } from '../../common/database';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  UnauthenticatedError,
  uniqueOrConflict,
} from '../../common/errors';
import { ListArgs, listQuery, Page } from '../../common/list';
import { isStrongPassword, assertNotCleared } from '../../common/validation';
import { Dealership } from '../dealerships/dealership.entity';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import { StaffUser } from './staff-user.entity';
import { CreateStaffUserInput, StaffUserFilter, StaffUserSort, UpdateStaffUserInput } from './staff.types';

@Injectable()
export class StaffService {
  private readonly logger = new Logger(StaffService.name);

  constructor(
    @InjectRepository(StaffUser) private readonly staff: Repository<StaffUser>,
    private readonly tx: TransactionService,
  ) {}

  /** Staff bound to a dealership see only their colleagues. */
  list(principal: Principal, args: ListArgs<StaffUserFilter, StaffUserSort>): Promise<Page<StaffUser>> {
    const own = principal.staff?.dealershipId;
    return listQuery(this.staff, args, {
      search: ['username', 'name'],
      scope: own ? (qb, alias) => qb.andWhere(`${alias}.dealershipId = :own`, { own }) : undefined,
    });
  }

  async findOne(principal: Principal, id: string): Promise<StaffUser | null> {
    const user = await this.staff.findOneBy({ id });
    const own = principal.staff?.dealershipId;
    return user && (!own || user.dealershipId === own) ? user : null;
  }

  /** The principal of an active staff user, or null (deactivated users are refused at once). */
  async findActivePrincipal(id: string): Promise<StaffPrincipal | null> {
    const user = await readEntity(this.staff.manager, StaffUser, { id, active: true });
    return user ? toPrincipal(user) : null;
  }

  /** Checks a username and password; the same error whatever was wrong. */
  async verifyCredentials(username: string, password: string): Promise<StaffUser> {
    const user = await this.staff.findOneBy({ username });
    const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid) throw new UnauthenticatedError('Wrong username or password');
    if (!user.active) throw new UnauthenticatedError('This staff account is deactivated');
    return user;
  }

  async create(principal: Principal, input: CreateStaffUserInput): Promise<StaffUser> {
    const own = principal.staff?.dealershipId;
    if (own && input.dealershipId !== own) {
      throw new ForbiddenError('Staff of a dealership can only create users of their own dealership');
    }
    const passwordHash = await hashPassword(input.password);
    return uniqueOrConflict(
      () =>
        this.tx.run(async (manager) => {
          if (input.dealershipId) await this.assertDealershipExists(manager, input.dealershipId);
          if (await manager.existsBy(StaffUser, { username: input.username })) {
            throw new ConflictError(`Username ${input.username} is already taken`, 'input.username');
          }
          const { password: _password, ...fields } = input;
          return manager.save(
            manager.create(StaffUser, {
              ...fields,
              dealershipId: input.dealershipId ?? null,
              passwordHash,
              active: true,
            }),
          );
        }),
      'Username is already taken',
      'input.username',
    );
  }

  async update(principal: Principal, id: string, input: UpdateStaffUserInput): Promise<StaffUser> {
    assertNotCleared(input, ['name', 'role', 'active', 'password']);
    const own = principal.staff?.dealershipId;
    const passwordHash = input.password ? await hashPassword(input.password) : undefined;
    return this.tx.run(async (manager) => {
      const user = await manager.findOneBy(StaffUser, { id });
      if (!user || (own && user.dealershipId !== own)) throw new NotFoundError('StaffUser', id);
      if (own && input.dealershipId !== undefined && input.dealershipId !== own) {
        throw new ForbiddenError('Staff of a dealership cannot move users to another dealership');
      }
      if (input.dealershipId) await this.assertDealershipExists(manager, input.dealershipId);
      const losesAdmin =
        user.role === StaffRole.ADMIN &&
        user.active &&
        (input.active === false || (input.role && input.role !== StaffRole.ADMIN));
      if (losesAdmin && (await manager.countBy(StaffUser, { role: StaffRole.ADMIN, active: true })) <= 1) {
        throw new InvalidStateError('The last active administrator cannot be deactivated or demoted');
      }
      const { password: _password, ...fields } = input;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      return manager.save(Object.assign(user, changes, passwordHash ? { passwordHash } : {}));
    });
  }

  /** Creates the bootstrap administrator from ADMIN_USERNAME/ADMIN_PASSWORD unless that user exists. */
  async ensureAdmin(username: string, password: string): Promise<boolean> {
    if (await this.staff.existsBy({ username })) return false;
    if (!isStrongPassword(password)) {
      throw new BadUserInputError({
        ADMIN_PASSWORD: 'must be at least 8 characters with letters and digits',
      });
    }
    const passwordHash = await hashPassword(password);
    await this.tx.run((manager) =>
      manager.save(
        manager.create(StaffUser, {
          username,
          name: 'Administrator',
          passwordHash,
          role: StaffRole.ADMIN,
          dealershipId: null,
          active: true,
        }),
      ),
    );
    this.logger.log(`Created administrator ${username}`);
    return true;
  }

  private async assertDealershipExists(manager: EntityManager, dealershipId: string) {
    if (!(await manager.existsBy(Dealership, { id: dealershipId }))) {
      throw new BadUserInputError({ 'input.dealershipId': 'is not an existing dealership' });
    }
  }
}

export function toPrincipal(user: StaffUser): StaffPrincipal {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    dealershipId: user.dealershipId,
  };
}
