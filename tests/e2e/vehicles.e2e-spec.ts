import {
  CREATE_VEHICLE,
  DELETE_VEHICLE,
  MEMBER,
  PLATE_LOOKUP,
  SET_MEMBER_TIER,
  TIERS,
  UPDATE_VEHICLE,
  VEHICLES,
} from './support/contract';
import { createDealership, createMember, recordTransaction, uniqueVin } from './support/fixtures';
import { errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

const fieldsOf = (result: GqlResult) => result.errors?.[0]?.extensions?.fields ?? {};

type VehicleRow = { id: string; vin: string; plateNumber: string | null } & Record<string, unknown>;
type LookupRow = {
  plateNumber: string;
  vehicleId: string | null;
  memberId: string | null;
  member: { id: string; name: string; tier: { code: string } } | null;
  visitCount: number;
  lastVisitAt: string | null;
};

describe('vehicles', () => {
  let t: TestApp;
  let admin: { token: string };
  let store: string;

  const vehicles = async (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    (await t.ok(VEHICLES, { filter, ...extra }, admin)).vehicles as { items: VehicleRow[]; total: number };
  const create = async (input: Record<string, unknown>, token = t.adminToken) =>
    (await t.ok(CREATE_VEHICLE, { input: { vin: uniqueVin(), ...input } }, { token }))
      .createVehicle as VehicleRow;

  beforeAll(async () => {
    t = await startTestApp();
    admin = { token: t.adminToken };
    store = await createDealership(t, 'VEH-1', '深圳南山4S店');
  });
  afterAll(() => t?.close());

  describe('createVehicle, updateVehicle, deleteVehicle', () => {
    it('creates a vehicle with maintenance due 6 months after purchase', async () => {
      const m = await createMember(t);
      const vin = uniqueVin();
      const created = await t.ok(
        CREATE_VEHICLE,
        {
          input: {
            memberId: m.id,
            vin: vin.toLowerCase(),
            plateNumber: '粤b 12345',
            brand: '宝马',
            model: 'X3',
            purchaseDate: '2024-03-15',
            purchasePrice: 40_000_000,
            mileage: 1200,
          },
        },
        admin,
      );
      expect(created.createVehicle).toEqual({
        id: expect.any(String),
        memberId: m.id,
        vin,
        plateNumber: '粤B12345',
        nextServiceDueDate: '2024-09-15',
      });
      const [row] = (await vehicles({ ids: [created.createVehicle.id] })).items;
      expect(row).toMatchObject({
        member: { id: m.id, name: '测试会员' },
        brand: '宝马',
        model: 'X3',
        purchaseDate: '2024-03-15',
        purchasePrice: 40_000_000,
        mileage: 1200,
        nextServiceDueMileage: 6200,
        lastServiceAt: null,
      });
      // The month end is clamped (31 August + 6 months = 28 February).
      expect((await create({ memberId: m.id, purchaseDate: '2025-08-31' })).nextServiceDueDate).toBe(
        '2026-02-28',
      );
      expect((await t.ok(MEMBER, { id: m.id }, admin)).member.vehicles).toHaveLength(2);
    });

    it('refuses a duplicate VIN with CONFLICT and invalid input by field, writing nothing', async () => {
      const m = await createMember(t);
      const first = await create({ memberId: m.id });
      const dup = await t.gql(CREATE_VEHICLE, { input: { memberId: m.id, vin: first.vin } }, admin);
      expect(errorCode(dup)).toBe('CONFLICT');
      const other = await createMember(t);
      expect(
        errorCode(
          await t.gql(CREATE_VEHICLE, { input: { memberId: other.id, vin: first.vin.toLowerCase() } }, admin),
        ),
      ).toBe('CONFLICT');

      const bad = await t.gql(
        CREATE_VEHICLE,
        { input: { memberId: m.id, vin: 'LSVQ1234567890ABC', plateNumber: '沪12345' } },
        admin,
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(bad)).sort()).toEqual(['input.plateNumber', 'input.vin']);
      const ghost = await t.gql(
        CREATE_VEHICLE,
        { input: { memberId: 'no-such-member', vin: uniqueVin() } },
        admin,
      );
      expect(errorCode(ghost)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(ghost)).toHaveProperty(['input.memberId']);
      expect((await vehicles({ memberId: m.id })).total).toBe(1);
      expect((await vehicles({ memberId: other.id })).total).toBe(0);
    });

    it('updates plate, mileage and due dates', async () => {
      const m = await createMember(t);
      const v = await create({ memberId: m.id, plateNumber: '浙A11111' });
      const updated = await t.ok(
        UPDATE_VEHICLE,
        {
          id: v.id,
          input: {
            plateNumber: '浙a·22222',
            mileage: 35_000,
            inspectionDueDate: '2026-10-01',
            insuranceExpiryDate: '2026-06-30',
          },
        },
        admin,
      );
      expect(updated.updateVehicle).toEqual({
        id: v.id,
        plateNumber: '浙A22222',
        mileage: 35_000,
        inspectionDueDate: '2026-10-01',
        insuranceExpiryDate: '2026-06-30',
      });
      const bad = await t.gql(
        UPDATE_VEHICLE,
        { id: v.id, input: { plateNumber: 'XYZ', mileage: -1 } },
        admin,
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(bad)).sort()).toEqual(['input.mileage', 'input.plateNumber']);
      expect((await vehicles({ ids: [v.id] })).items[0]).toMatchObject({
        plateNumber: '浙A22222',
        mileage: 35_000,
      });
      expect(
        errorCode(await t.gql(UPDATE_VEHICLE, { id: 'no-such-vehicle', input: { mileage: 1 } }, admin)),
      ).toBe('NOT_FOUND');
    });

    it('deletes a vehicle, but not once a transaction refers to it', async () => {
      const m = await createMember(t);
      const unused = await create({ memberId: m.id });
      expect((await t.ok(DELETE_VEHICLE, { id: unused.id }, admin)).deleteVehicle).toEqual({ id: unused.id });
      expect((await vehicles({ ids: [unused.id] })).total).toBe(0);
      expect(errorCode(await t.gql(DELETE_VEHICLE, { id: unused.id }, admin))).toBe('NOT_FOUND');

      const used = await create({ memberId: m.id, plateNumber: '苏E55555' });
      await recordTransaction(t, { dealershipId: store, memberId: m.id, vehicleId: used.id });
      expect(errorCode(await t.gql(DELETE_VEHICLE, { id: used.id }, admin))).toBe('INVALID_STATE');
      expect((await vehicles({ ids: [used.id] })).total).toBe(1);
    });

    it('lets store staff change only vehicles of their own dealership’s members', async () => {
      const other = await createDealership(t);
      const token = await t.staffToken('STORE_STAFF', store);
      const mine = await createMember(t, { homeDealershipId: store });
      const theirs = await createMember(t, { homeDealershipId: other });
      const added = await create({ memberId: mine.id }, token);
      expect((await vehicles({ ids: [added.id] })).items[0].dealershipId).toBe(store);
      expect(
        errorCode(
          await t.gql(CREATE_VEHICLE, { input: { memberId: theirs.id, vin: uniqueVin() } }, { token }),
        ),
      ).toBe('FORBIDDEN');
      const theirCar = await create({ memberId: theirs.id });
      expect(
        errorCode(await t.gql(UPDATE_VEHICLE, { id: theirCar.id, input: { mileage: 1 } }, { token })),
      ).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(DELETE_VEHICLE, { id: theirCar.id }, { token }))).toBe('FORBIDDEN');
      expect((await vehicles({ memberId: theirs.id })).total).toBe(1);
    });
  });

  describe('listing', () => {
    let owner: { id: string };
    let a: VehicleRow;
    let b: VehicleRow;
    let c: VehicleRow;

    beforeAll(async () => {
      owner = await createMember(t, { name: '车主甲' });
      const second = await createMember(t, { name: '车主乙' });
      a = await create({
        memberId: owner.id,
        plateNumber: '川A8K8K8',
        brand: '奥迪',
        model: 'A6L',
        purchaseDate: '2023-01-10',
      });
      b = await create({
        memberId: owner.id,
        plateNumber: '川A9J9J9',
        brand: '丰田',
        model: '凯美瑞',
        purchaseDate: '2025-01-10',
      });
      c = await create({
        memberId: second.id,
        plateNumber: '川B8K8K1',
        brand: '奥迪',
        model: 'Q5L',
        purchaseDate: '2024-05-20',
      });
    });
    const ids = (page: { items: VehicleRow[] }) => page.items.map((v) => v.id).sort();

    it('filters by member, exact plate and VIN', async () => {
      expect(ids(await vehicles({ memberId: owner.id }))).toEqual([a.id, b.id].sort());
      expect(ids(await vehicles({ plate: '川a·8k8k8' }))).toEqual([a.id]);
      expect((await vehicles({ plate: '川A8K8' })).total).toBe(0);
      expect(ids(await vehicles({ vin: c.vin.toLowerCase() }))).toEqual([c.id]);
      expect((await vehicles({ vin: c.vin.slice(0, 10) })).total).toBe(0);
    });

    it('searches q over part of the plate, VIN, brand and model', async () => {
      expect(ids(await vehicles({ q: '8K8K' }))).toEqual([a.id, c.id].sort());
      expect(ids(await vehicles({ q: '奥迪' }))).toEqual([a.id, c.id].sort());
      expect(ids(await vehicles({ q: '凯美' }))).toEqual([b.id]);
      expect(ids(await vehicles({ q: b.vin.slice(-8) }))).toEqual([b.id]);
      expect(ids(await vehicles({ q: '奥迪', memberId: owner.id }))).toEqual([a.id]);
    });

    it('filters by maintenance due date and sorts by it', async () => {
      expect(ids(await vehicles({ serviceDueBefore: '2023-07-10', memberId: owner.id }))).toEqual([a.id]);
      expect(ids(await vehicles({ serviceDueBefore: '2023-07-09', memberId: owner.id }))).toEqual([]);
      expect(ids(await vehicles({ serviceDueBefore: '2024-12-31', q: '川' }))).toEqual([a.id, c.id].sort());
      const sorted = await vehicles(
        { q: '川' },
        { sort: [{ field: 'NEXT_SERVICE_DUE_DATE', order: 'ASC' }] },
      );
      expect(sorted.items.map((v) => v.nextServiceDueDate)).toEqual([
        '2023-07-10',
        '2024-11-20',
        '2025-07-10',
      ]);
      const paged = await vehicles(
        { q: '川' },
        { sort: [{ field: 'PLATE_NUMBER', order: 'DESC' }], page: { page: 2, perPage: 2 } },
      );
      expect(paged.total).toBe(3);
      expect(paged.items.map((v) => v.plateNumber)).toEqual(['川A8K8K8']);
    });
  });

  describe('service visits and plate lookup', () => {
    it('updates mileage, last service and the next due date when a maintenance with mileage is recorded', async () => {
      const m = await createMember(t);
      const v = await create({
        memberId: m.id,
        plateNumber: '鲁B24680',
        purchaseDate: '2024-01-05',
        mileage: 8000,
      });
      // 12:00 in Shanghai, so the local date is the same as the UTC date.
      await recordTransaction(t, {
        dealershipId: store,
        memberId: m.id,
        vehicleId: v.id,
        occurredAt: '2025-06-10T04:00:00.000Z',
        mileage: 10_000,
      });
      let [row] = (await vehicles({ ids: [v.id] })).items;
      expect(row).toMatchObject({
        mileage: 10_000,
        lastServiceAt: '2025-06-10T04:00:00.000Z',
        lastServiceMileage: 10_000,
        nextServiceDueDate: '2025-12-10',
        nextServiceDueMileage: 15_000,
        avgDailyKm: null,
      });

      // 60 days and 3,000 km later: 50 km a day reaches the next 5,000 km in 100 days, before 6 months.
      await recordTransaction(t, {
        dealershipId: store,
        memberId: m.id,
        plateNumber: '鲁B24680',
        occurredAt: '2025-08-09T04:00:00.000Z',
        mileage: 13_000,
      });
      [row] = (await vehicles({ ids: [v.id] })).items;
      expect(row).toMatchObject({
        mileage: 13_000,
        lastServiceAt: '2025-08-09T04:00:00.000Z',
        lastServiceMileage: 13_000,
        avgDailyKm: 50,
        nextServiceDueDate: '2025-11-17',
        nextServiceDueMileage: 18_000,
      });

      // A wash is no service visit: only a higher odometer reading is kept.
      await recordTransaction(t, {
        dealershipId: store,
        memberId: m.id,
        vehicleId: v.id,
        type: 'WASH',
        occurredAt: '2025-09-01T04:00:00.000Z',
        mileage: 14_000,
      });
      [row] = (await vehicles({ ids: [v.id] })).items;
      expect(row).toMatchObject({
        mileage: 14_000,
        lastServiceAt: '2025-08-09T04:00:00.000Z',
        nextServiceDueDate: '2025-11-17',
      });
    });

    it('finds members’ vehicles and walk-in plates by part of a plate, with visits', async () => {
      const gold = (await t.ok(TIERS, { filter: { q: 'GOLD' } }, admin)).tiers.items[0].id;
      const m = await createMember(t, { name: '王老板' });
      await t.ok(SET_MEMBER_TIER, { input: { memberId: m.id, tierId: gold, reason: '老客户' } }, admin);
      const v = await create({ memberId: m.id, plateNumber: '闽D7M2R0' });
      await recordTransaction(t, {
        dealershipId: store,
        memberId: m.id,
        vehicleId: v.id,
        occurredAt: '2025-03-01T04:00:00.000Z',
      });
      await recordTransaction(t, {
        dealershipId: store,
        memberId: m.id,
        vehicleId: v.id,
        occurredAt: '2025-04-01T04:00:00.000Z',
      });
      await recordTransaction(t, {
        dealershipId: store,
        plateNumber: '闽D7M2R9',
        type: 'WASH',
        amount: 30_00,
        occurredAt: '2025-05-05T04:00:00.000Z',
      });
      const unvisited = await create({ memberId: m.id, plateNumber: '闽D7M2S1' });

      const data = await t.ok(PLATE_LOOKUP, { plate: 'd7m2' }, admin);
      const rows: LookupRow[] = data.plateLookup;
      expect(rows.map((r) => r.plateNumber).sort()).toEqual(['闽D7M2R0', '闽D7M2R9', '闽D7M2S1']);
      const byPlate = Object.fromEntries(rows.map((r) => [r.plateNumber, r]));
      expect(byPlate['闽D7M2R0']).toEqual({
        plateNumber: '闽D7M2R0',
        vehicleId: v.id,
        memberId: m.id,
        member: { id: m.id, name: '王老板', tier: { code: 'GOLD' } },
        visitCount: 2,
        lastVisitAt: '2025-04-01T04:00:00.000Z',
      });
      expect(byPlate['闽D7M2R9']).toEqual({
        plateNumber: '闽D7M2R9',
        vehicleId: null,
        memberId: null,
        member: null,
        visitCount: 1,
        lastVisitAt: '2025-05-05T04:00:00.000Z',
      });
      expect(byPlate['闽D7M2S1']).toMatchObject({
        vehicleId: unvisited.id,
        memberId: m.id,
        visitCount: 0,
        lastVisitAt: null,
      });
      // The most visited first.
      expect(rows[0].plateNumber).toBe('闽D7M2R0');

      const exact = (await t.ok(PLATE_LOOKUP, { plate: '闽D7M2R9' }, admin)).plateLookup as LookupRow[];
      expect(exact.map((r) => r.plateNumber)).toEqual(['闽D7M2R9']);
      expect((await t.ok(PLATE_LOOKUP, { plate: 'ZZ99' }, admin)).plateLookup).toEqual([]);
    });

    it('refuses a plate fragment shorter than 2 characters', async () => {
      for (const plate of ['', '7', ' 7 ']) {
        const result = await t.gql(PLATE_LOOKUP, { plate }, admin);
        expect(errorCode(result)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(result)).toHaveProperty(['plate']);
      }
    });
  });
});
