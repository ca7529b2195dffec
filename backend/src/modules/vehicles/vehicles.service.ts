import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';
import { Principal } from '../../common/auth';
import { assertUnreferenced, readDateTime, TransactionService } from '../../common/database';
import { BadUserInputError, ConflictError, InvalidStateError, NotFoundError, uniqueOrConflict } from '../../common/errors';
import { escapeLike, ListArgs, listQuery, Page } from '../../common/list';
import { localDate } from '../../common/time';
import { normalizePlate, normalizeVin } from '../../common/validation';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Dealership } from '../dealerships/dealership.entity';
import { assertCanEditMember, storeOf } from '../members/member-access';
import { Member } from '../members/member.entity';
import { MemberStatus } from '../members/member.enums';
import { ProgrammeRules } from '../programme/programme-rules';
import { ProgrammeService } from '../programme/programme.service';
import { maintenanceDue } from './maintenance-schedule';
import { Vehicle } from './vehicle.entity';
import { PlateLookupResult, UpdateVehicleInput, VehicleDetailsInput, VehicleFilter, VehicleSort } from './vehicles.types';

const LOOKUP_LIMIT = 50;

/** Members' vehicles, their service summary and the front-desk plate lookup. */
@Injectable()
export class VehiclesService {
  constructor(
    @InjectRepository(Vehicle) private readonly vehicles: Repository<Vehicle>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly programme: ProgrammeService,
  ) {}

  /** Store staff list their dealership's vehicles and their members' ones; an exact plate, VIN or member finds any. */
  list(principal: Principal, args: ListArgs<VehicleFilter, VehicleSort>): Promise<Page<Vehicle>> {
    const store = storeOf(principal);
    const filter = args.filter ?? {};
    const exact = !!(filter.plate || filter.vin || filter.memberId || filter.ids?.length);
    return listQuery(this.vehicles, args, {
      search: ['plateNumber', 'vin', 'brand', 'model'],
      filters: {
        plate: (qb, alias, plate: string) => qb.andWhere(`${alias}.plateNumber = :plate`, { plate: normalizePlate(plate) }),
        vin: (qb, alias, vin: string) => qb.andWhere(`${alias}.vin = :vin`, { vin: normalizeVin(vin) }),
        serviceDueBefore: (qb, alias, date: string) => qb.andWhere(`${alias}.nextServiceDueDate <= :dueBefore`, { dueBefore: date }),
      },
      scope: (qb, alias) => {
        if (!store || exact) return;
        qb.andWhere(
          new Brackets((or) =>
            or
              .where(`${alias}.dealershipId = :store`)
              .orWhere(`${alias}.memberId IN (SELECT m.id FROM member m WHERE m.homeDealershipId = :store)`),
          ),
          { store },
        );
      },
    });
  }

  findOne(id: string): Promise<Vehicle | null> {
    return this.vehicles.findOneBy({ id });
  }

  create(principal: Principal, input: VehicleDetailsInput & { memberId: string; dealershipId?: string }): Promise<Vehicle> {
    return this.tx.run(async (manager) => {
      const member = await manager.findOneBy(Member, { id: input.memberId });
      if (!member) throw new BadUserInputError({ 'input.memberId': 'is not an existing member' });
      if (member.status === MemberStatus.ERASED) throw new InvalidStateError('An erased member takes no vehicles');
      assertCanEditMember(principal, member);
      const { memberId, dealershipId, ...details } = input;
      return this.addVehicle(manager, memberId, details, dealershipId ?? storeOf(principal) ?? member.homeDealershipId, 'input');
    });
  }

  /**
   * Adds a vehicle to a member inside the caller's transaction (also used by createMember). `path`
   * is where the details sit in the caller's input, for error messages.
   */
  async addVehicle(
    manager: EntityManager,
    memberId: string,
    details: VehicleDetailsInput,
    dealershipId: string | null,
    path: string,
  ): Promise<Vehicle> {
    if (dealershipId && !(await manager.existsBy(Dealership, { id: dealershipId }))) {
      throw new BadUserInputError({ [`${path}.dealershipId`]: 'is not an existing dealership' });
    }
    if (await manager.existsBy(Vehicle, { vin: details.vin })) {
      throw new ConflictError(`VIN ${details.vin} is already registered`, `${path}.vin`);
    }
    const rules = await this.programme.rules(manager);
    const vehicle = manager.create(Vehicle, {
      memberId,
      ...details,
      plateNumber: details.plateNumber ?? null,
      dealershipId,
      lastServiceAt: null,
      lastServiceMileage: null,
      previousServiceAt: null,
      previousServiceMileage: null,
    });
    Object.assign(vehicle, this.schedule(vehicle, rules));
    return uniqueOrConflict(() => manager.save(vehicle), 'This VIN is already registered', `${path}.vin`);
  }

  update(principal: Principal, id: string, input: UpdateVehicleInput): Promise<Vehicle> {
    return this.tx.run(async (manager) => {
      const vehicle = await this.getForEdit(manager, principal, id);
      if (input.dealershipId && !(await manager.existsBy(Dealership, { id: input.dealershipId }))) {
        throw new BadUserInputError({ 'input.dealershipId': 'is not an existing dealership' });
      }
      const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
      manager.merge(Vehicle, vehicle, changes);
      Object.assign(vehicle, this.schedule(vehicle, await this.programme.rules(manager)));
      return manager.save(vehicle);
    });
  }

  /** Refused (INVALID_STATE) once transactions refer to the vehicle. */
  delete(principal: Principal, id: string): Promise<Vehicle> {
    return this.tx.run(async (manager) => {
      const vehicle = await this.getForEdit(manager, principal, id);
      await assertUnreferenced(manager, Vehicle, id, 'Vehicle');
      await manager.remove(vehicle);
      return Object.assign(vehicle, { id });
    });
  }

  /**
   * A service visit (maintenance, repair) updates the odometer, the last two service records and
   * the next due date and mileage; an older, backdated visit only raises the odometer.
   */
  async recordVisit(manager: EntityManager, vehicleId: string, visit: { at: Date; mileage: number | null; isService: boolean }) {
    const vehicle = await manager.findOneBy(Vehicle, { id: vehicleId });
    if (!vehicle) return;
    if (visit.mileage !== null && (vehicle.mileage === null || visit.mileage > vehicle.mileage)) vehicle.mileage = visit.mileage;
    if (visit.isService && (!vehicle.lastServiceAt || visit.at > vehicle.lastServiceAt)) {
      vehicle.previousServiceAt = vehicle.lastServiceAt;
      vehicle.previousServiceMileage = vehicle.lastServiceMileage;
      vehicle.lastServiceAt = visit.at;
      vehicle.lastServiceMileage = visit.mileage;
    }
    Object.assign(vehicle, this.schedule(vehicle, await this.programme.rules(manager)));
    await manager.save(vehicle);
  }

  /**
   * Plates containing `fragment`, from members' vehicles and from walk-in transactions, each with
   * the number of posted transactions under it. Store staff see their own dealership's plates,
   * and any plate given in full.
   */
  async plateLookup(principal: Principal, fragment: string): Promise<PlateLookupResult[]> {
    const plate = normalizePlate(fragment);
    if (plate.length < 2) throw new BadUserInputError({ plate: 'must be at least 2 characters of a plate' });
    const store = storeOf(principal);
    const like = `%${escapeLike(plate)}%`;

    const vehicleQuery = this.vehicles
      .createQueryBuilder('v')
      .select(['v.id AS id', 'v.plateNumber AS plateNumber', 'v.memberId AS memberId'])
      .where("v.plateNumber LIKE :like ESCAPE '!'", { like });
    if (store) {
      vehicleQuery.andWhere(
        new Brackets((or) =>
          or
            .where('v.plateNumber = :plate', { plate })
            .orWhere('v.dealershipId = :store', { store })
            .orWhere('v.memberId IN (SELECT m.id FROM member m WHERE m.homeDealershipId = :store)', { store }),
        ),
      );
    }
    const vehicles: { id: string; plateNumber: string; memberId: string }[] = await vehicleQuery
      .orderBy('v.plateNumber')
      .limit(LOOKUP_LIMIT)
      .getRawMany();

    const visitParams: unknown[] = [like];
    let visitScope = '';
    if (store) {
      visitScope = ' AND (`plateNumber` = ? OR `dealershipId` = ?)';
      visitParams.push(plate, store);
    }
    const visitPlates: { plateNumber: string }[] = await this.dataSource.query(
      "SELECT DISTINCT `plateNumber` AS plateNumber FROM `sales_transaction` WHERE `plateNumber` LIKE ? ESCAPE '!' AND `status` = 'POSTED'" +
        visitScope +
        ' ORDER BY `plateNumber` LIMIT ' +
        LOOKUP_LIMIT,
      visitParams,
    );

    const plates = [...new Set([...vehicles.map((v) => v.plateNumber), ...visitPlates.map((r) => r.plateNumber)])].slice(0, LOOKUP_LIMIT);
    if (!plates.length) return [];
    const stats: { plateNumber: string; visits: number | string; lastVisitAt: unknown }[] = await this.dataSource.query(
      "SELECT `plateNumber` AS plateNumber, COUNT(*) AS visits, MAX(`occurredAt`) AS lastVisitAt FROM `sales_transaction` WHERE `status` = 'POSTED' AND `plateNumber` IN (" +
        plates.map(() => '?').join(', ') +
        ') GROUP BY `plateNumber`',
      plates,
    );
    const statsByPlate = new Map(stats.map((s) => [s.plateNumber, s]));
    const vehicleByPlate = new Map(vehicles.map((v) => [v.plateNumber, v]));
    return plates
      .map((plateNumber) => {
        const vehicle = vehicleByPlate.get(plateNumber);
        const stat = statsByPlate.get(plateNumber);
        return {
          plateNumber,
          vehicleId: vehicle?.id ?? null,
          memberId: vehicle?.memberId ?? null,
          visitCount: stat ? Number(stat.visits) : 0,
          lastVisitAt: stat ? readDateTime(stat.lastVisitAt) : null,
        };
      })
      .sort((a, b) => (a.plateNumber === plate ? -1 : b.plateNumber === plate ? 1 : b.visitCount - a.visitCount));
  }

  private async getForEdit(manager: EntityManager, principal: Principal, id: string): Promise<Vehicle> {
    const vehicle = await manager.findOneBy(Vehicle, { id });
    if (!vehicle) throw new NotFoundError('Vehicle', id);
    const member = await manager.findOneBy(Member, { id: vehicle.memberId });
    if (member) assertCanEditMember(principal, member);
    return vehicle;
  }

  /** Without a purchase date or a service, the schedule runs from when the vehicle was registered. */
  private schedule(vehicle: Vehicle, rules: ProgrammeRules) {
    const interval = (vehicle.model && rules.maintenanceIntervalsByModel[vehicle.model]) || rules.maintenanceInterval;
    const timeZone = this.config.programmeTimeZone;
    return maintenanceDue(vehicle, interval, localDate(vehicle.createdAt ?? new Date(), timeZone), timeZone);
  }
}
