import { faker } from '@faker-js/faker/locale/zh_CN';
import { isMainlandIdCard, isMainlandPlate, isVin } from '../../backend/src/common/validation/identity';
import { TransactionType } from '../../backend/src/modules/transactions/transaction.enums';
import { vinCheckDigit } from './identities';
import { planDemo, PlannedTransaction } from './plan';

describe('planDemo', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const plan = planDemo(faker, now);
  const transactions = plan.events.filter((e): e is PlannedTransaction => e.kind === 'transaction');

  it('is the same every time for the same day', () => {
    const again = planDemo(faker, now);
    expect(JSON.stringify(again)).toBe(JSON.stringify(plan));
  });

  it('plans ~300 members with valid, unique identities', () => {
    expect(plan.members.length).toBe(300);
    const phones = plan.members.map((m) => m.phone);
    expect(new Set(phones).size).toBe(phones.length);
    for (const m of plan.members) {
      expect(m.phone).toMatch(/^1[3-9]\d{9}$/);
      if (m.idNumber) {
        expect(isMainlandIdCard(m.idNumber, now)).toBe(true);
        expect(m.idNumber.slice(6, 14)).toBe(m.birthday!.replace(/-/g, ''));
        expect(Number(m.idNumber[16]) % 2).toBe(m.gender === 'MALE' ? 1 : 0);
      }
      expect(m.vehicles.length).toBeGreaterThanOrEqual(1);
      expect(m.vehicles.length).toBeLessThanOrEqual(2);
    }
    const vins = plan.vehicles.map((v) => v.details.vin);
    expect(new Set(vins).size).toBe(vins.length);
    for (const v of plan.vehicles) {
      expect(isVin(v.details.vin)).toBe(true);
      expect(v.details.vin[8]).toBe(vinCheckDigit(v.details.vin));
      expect(isMainlandPlate(v.details.plateNumber)).toBe(true);
    }
    const plates = [
      ...plan.vehicles.map((v) => v.details.plateNumber),
      ...new Set(transactions.filter((t) => !t.member).map((t) => t.plate!)),
    ];
    expect(new Set(plates).size).toBe(plates.length);
  });

  it('plans plates of the home city and the brands the store sells', () => {
    const province: Record<string, string> = { 上海: '沪', 北京: '京', 广州: '粤', 成都: '川', 杭州: '浙' };
    for (const v of plan.vehicles) {
      const owner = plan.members[v.member];
      expect(v.details.plateNumber[0]).toBe(province[owner.city]);
    }
    const sold = transactions.filter((t) => t.type === TransactionType.VEHICLE_PURCHASE);
    expect(sold.length).toBeGreaterThan(20);
    for (const sale of sold) {
      expect(sale.dealership).not.toBe('HZ-XH-SVC');
      expect(sale.amount).toBeGreaterThanOrEqual(80_000_00);
      expect(sale.amount).toBeLessThanOrEqual(600_000_00);
    }
  });

  it('plans a year of events in order, each after the member joined, none in the future', () => {
    const times = plan.events.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const yearAgo = now.getTime() - 365 * 86_400_000;
    const joined = new Set<number>();
    for (const event of plan.events) {
      expect(event.at.getTime()).toBeLessThan(now.getTime());
      if (event.kind === 'join') joined.add(event.member);
      if (event.kind === 'transaction') {
        expect(event.at.getTime()).toBeGreaterThan(yearAgo);
        if (event.member !== undefined) expect(joined.has(event.member)).toBe(true);
      }
    }
    expect(transactions.length).toBeGreaterThanOrEqual(1000);
    const refs = transactions.map((t) => `${t.dealership}/${t.ref}`);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('plans odometer readings that only go up', () => {
    const last = new Map<number, number>();
    for (const t of transactions) {
      if (t.vehicle === undefined || t.mileage === undefined) continue;
      expect(t.mileage).toBeGreaterThanOrEqual(last.get(t.vehicle) ?? 0);
      last.set(t.vehicle, t.mileage);
    }
  });
});
