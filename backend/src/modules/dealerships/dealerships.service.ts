import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal } from '../../common/auth';
import { assertUnreferenced, TransactionService } from '../../common/database';
import { ConflictError, ForbiddenError, NotFoundError, uniqueOrConflict } from '../../common/errors';
import { ListArgs, listQuery, Page } from '../../common/list';
import { assertNotCleared } from '../../common/validation';
import { Dealership } from './dealership.entity';
import {
  CreateDealershipInput,
  DealershipFilter,
  DealershipSort,
  UpdateDealershipInput,
} from './dealership.types';

@Injectable()
export class DealershipsService {
  constructor(
    @InjectRepository(Dealership) private readonly dealerships: Repository<Dealership>,
    private readonly tx: TransactionService,
  ) {}

  list(args: ListArgs<DealershipFilter, DealershipSort>): Promise<Page<Dealership>> {
    return listQuery(this.dealerships, args, { search: ['code', 'name', 'city', 'brand'] });
  }

  findOne(id: string): Promise<Dealership | null> {
    return this.dealerships.findOneBy({ id });
  }

  async get(id: string): Promise<Dealership> {
    const dealership = await this.findOne(id);
    if (!dealership) throw new NotFoundError('Dealership', id);
    return dealership;
  }

  /** Opening a dealership is a group decision: store-bound staff cannot. */
  async create(principal: Principal, input: CreateDealershipInput): Promise<Dealership> {
    if (principal.staff?.dealershipId)
      throw new ForbiddenError('Only group-wide staff can open a dealership');
    return uniqueOrConflict(
      async () =>
        this.tx.run(async (manager) => {
          await this.assertCodeFree(manager.getRepository(Dealership), input.code);
          return manager.save(manager.create(Dealership, { ...input, active: true }));
        }),
      'Dealership code is already taken',
      'input.code',
    );
  }

  async update(principal: Principal, id: string, input: UpdateDealershipInput): Promise<Dealership> {
    this.assertManages(principal, id);
    assertNotCleared(input, ['code', 'name', 'active']);
    return uniqueOrConflict(
      () =>
        this.tx.run(async (manager) => {
          const repo = manager.getRepository(Dealership);
          const dealership = await repo.findOneBy({ id });
          if (!dealership) throw new NotFoundError('Dealership', id);
          if (input.code && input.code !== dealership.code) await this.assertCodeFree(repo, input.code);
          const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
          return repo.save(repo.merge(dealership, changes));
        }),
      'Dealership code is already taken',
      'input.code',
    );
  }

  /** Only a dealership nothing refers to can be deleted; otherwise deactivate it. */
  async delete(principal: Principal, id: string): Promise<Dealership> {
    if (principal.staff?.dealershipId)
      throw new ForbiddenError('Only group-wide staff can delete a dealership');
    return this.tx.run(async (manager) => {
      const dealership = await manager.findOneBy(Dealership, { id });
      if (!dealership) throw new NotFoundError('Dealership', id);
      await assertUnreferenced(manager, Dealership, id, 'Dealership');
      const removed = { ...dealership };
      await manager.remove(dealership);
      return Object.assign(new Dealership(), removed);
    });
  }

  private assertManages(principal: Principal, id: string) {
    const own = principal.staff?.dealershipId;
    if (own && own !== id)
      throw new ForbiddenError('Staff of a dealership can only change their own dealership');
  }

  private async assertCodeFree(repo: Repository<Dealership>, code: string) {
    if (await repo.existsBy({ code }))
      throw new ConflictError(`Dealership code ${code} is already taken`, 'input.code');
  }
}
