import type { Faker } from '@faker-js/faker';
import { Gender, RegistrationChannel } from '../../backend/src/modules/members/member.enums';
import { DEFAULT_PROGRAMME_RULES } from '../../backend/src/modules/programme/programme-rules';
import { TransactionType } from '../../backend/src/modules/transactions/transaction.enums';
import { DEFAULT_TIERS } from '../programme/tiers';
import {
  ACCESSORY_ITEMS,
  ACCIDENT_REPAIR,
  CarModel,
  CITIES,
  COLORS,
  DELIVERY_ACCESSORIES,
  EMAIL_DOMAINS,
  EV_MAINTENANCE_ITEMS,
  FIRST_MAINTENANCE,
  INSURANCE_PREMIUM,
  MAINTENANCE_ITEMS,
  MIGRANT_ID_REGIONS,
  OTHER_CARS,
  PARTS_ITEMS,
  REPAIR_ITEMS,
  ServiceItem,
  STORE_MODELS,
  SURNAMES,
  WASH_ITEMS,
} from './catalogue';
import { DEMO_DEALERSHIPS } from './dealerships';
import { IdentityFactory } from './identities';

/**
 * The demo's year of business as a plan: who joins when, with which cars, and every sale, service,
 * redemption and reversal in the order it happened. Pure and deterministic for a seed and a day;
 * `demoHistoryStep` replays it through the application's services.
 */

export const DEMO_SEED = 20261122;

/** Members per dealership (300 in all). */
const MEMBERS_PER_STORE: Record<string, number> = {
  'SH-PD-BMW': 58,
  'SH-MH-VW': 54,
  'BJ-CY-AUDI': 54,
  'GZ-TH-TOYOTA': 50,
  'CD-WH-BYD': 48,
  'HZ-XH-SVC': 36,
};

/** How a member behaves over the year, which decides the tier they end in. */
export type Profile =
  /** Bought a car this year and joined that day (spend path: GOLD, PLATINUM, or SILVER for cheap cars). */
  | 'NEW_BUYER'
  /** A member of some time who bought another car this year. */
  | 'REPEAT_BUYER'
  /** Services everything here, including an accident repair (GOLD or PLATINUM by points). */
  | 'HEAVY'
  /** Maintenance, repairs, insurance here (mostly SILVER). */
  | 'REGULAR'
  /** One or two cheap visits a year (stays REGULAR). */
  | 'LIGHT'
  /** Registered online in the last days, code not entered yet. */
  | 'PENDING';

export interface PlannedMember {
  key: number;
  dealership: string;
  profile: Profile;
  name: string;
  phone: string;
  gender: Gender;
  birthday?: string;
  email?: string;
  city: string;
  idNumber?: string;
  marketingConsent: boolean;
  channel: RegistrationChannel;
  referrer?: number;
  joinedAt: Date;
  vehicles: number[];
}

export interface PlannedVehicle {
  key: number;
  member: number;
  model: CarModel;
  /** Selling or servicing dealership; null for a car bought and serviced elsewhere. */
  dealership: string | null;
  addedAt: Date;
  details: {
    vin: string;
    plateNumber: string;
    brand: string;
    model: string;
    series: string;
    color: string;
    purchaseDate: string;
    purchasePrice?: number;
    mileage: number;
    inspectionDueDate: string;
    insuranceExpiryDate: string;
  };
}

export interface PlannedTransaction {
  kind: 'transaction';
  at: Date;
  dealership: string;
  /** Set when the plan is sorted: the store's DMS document number. */
  ref: string;
  type: TransactionType;
  /** Fen. */
  amount: number;
  member?: number;
  vehicle?: number;
  plate?: string;
  mileage?: number;
  description: string;
}

export type PlannedEvent =
  | { kind: 'join'; at: Date; member: number }
  | { kind: 'vehicle'; at: Date; vehicle: number }
  | PlannedTransaction
  | { kind: 'reversal'; at: Date; transaction: PlannedTransaction; reason: string }
  | {
      kind: 'redemption';
      at: Date;
      dealership: string;
      member: number;
      points: number;
      reason: string;
      key: string;
    }
  | { kind: 'freeze'; at: Date; member: number; reason: string };

export interface DemoPlan {
  members: PlannedMember[];
  vehicles: PlannedVehicle[];
  /** Chronological. */
  events: PlannedEvent[];
}

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3_600_000;
/** Days of history: transactions fall within the last 12 months (the tier window). */
const HISTORY_DAYS = 355;

/** Days-ago arithmetic in China time: `at(3, 600)` is 10:00 three days ago. */
class Calendar {
  private readonly midnight: number;
  readonly today: string;

  constructor(readonly now: Date) {
    this.midnight = Math.floor((now.getTime() + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;
    this.today = this.date(0);
  }

  at(daysAgo: number, minuteOfDay: number): Date {
    return new Date(this.midnight - daysAgo * DAY + minuteOfDay * 60_000);
  }

  /** The local calendar date `daysAgo` days ago, YYYY-MM-DD. */
  date(daysAgo: number): string {
    return new Date(this.midnight - daysAgo * DAY + CHINA_OFFSET).toISOString().slice(0, 10);
  }

  /** The local calendar date of an instant. */
  localDate(instant: Date): string {
    return new Date(instant.getTime() + CHINA_OFFSET).toISOString().slice(0, 10);
  }

  /** Whole days between an instant's local date and today. */
  daysAgoAt(instant: Date): number {
    return this.daysAgoOf(this.localDate(instant));
  }

  /** The first anniversary of `date`, every `years` years from `firstAfterYears`, that is after today. */
  nextAnniversary(date: string, firstAfterYears = 1, everyYears = 1): string {
    const [y, m, d] = date.split('-').map(Number);
    for (let years = firstAfterYears; ; years += everyYears) {
      const day = Math.min(d, new Date(Date.UTC(y + years, m, 0)).getUTCDate());
      const candidate = `${y + years}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      if (candidate > this.today) return candidate;
    }
  }

  /** Whole days from a local date to today. */
  daysAgoOf(date: string): number {
    return Math.round((Date.parse(`${this.today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY);
  }
}

const SILVER = DEFAULT_TIERS.find((t) => t.code === 'SILVER')!;
const RATES = DEFAULT_PROGRAMME_RULES.earningRates;
const SERVICE_VISITS = DEFAULT_PROGRAMME_RULES.serviceVisitTypes;

export function planDemo(faker: Faker, now: Date): DemoPlan {
  faker.seed(DEMO_SEED);
  const f = faker;
  const cal = new Calendar(now);
  const ids = new IdentityFactory(f);
  const members: PlannedMember[] = [];
  const vehicles: PlannedVehicle[] = [];
  const events: PlannedEvent[] = [];
  const int = (min: number, max: number) => f.number.int({ min, max });
  const chance = (probability: number) => f.datatype.boolean(probability);
  const weighted = <T>(entries: { value: T; weight: number }[]) => f.helpers.weightedArrayElement(entries);
  const minute = (from = 8 * 60 + 30, to = 18 * 60) => int(from, to);
  /** A price in whole yuan from a range, ending in 0 or 8 as shop prices do; returned in fen. */
  const price = ([min, max]: [number, number]) => {
    if (max === 0) return 0;
    const yuan = int(min, max);
    return (yuan >= 1_000 ? Math.round(yuan / 10) * 10 - (chance(0.4) ? 2 : 0) : yuan) * 100;
  };
  /** A car's transaction price, in whole hundreds of yuan; fen. */
  const carPrice = (model: CarModel) => Math.round(int(model.price[0], model.price[1]) / 100) * 100 * 100;
  const classPrice = (item: ServiceItem, model: CarModel) => price(item.price[model.priceClass]);
  const usable = (items: ServiceItem[], model: CarModel) =>
    items.filter((i) => i.price[model.priceClass][1] > 0);

  for (const store of DEMO_DEALERSHIPS) {
    const city = CITIES[store.city];
    const sellsCars = store.code !== 'HZ-XH-SVC';
    for (let n = 0; n < MEMBERS_PER_STORE[store.code]; n++) {
      const key = members.length;
      const profile: Profile = weighted(
        sellsCars
          ? [
              { value: 'NEW_BUYER' as Profile, weight: 18 },
              { value: 'REPEAT_BUYER' as Profile, weight: 4 },
              { value: 'HEAVY' as Profile, weight: 3 },
              { value: 'REGULAR' as Profile, weight: 33 },
              { value: 'LIGHT' as Profile, weight: 40 },
              { value: 'PENDING' as Profile, weight: 2 },
            ]
          : [
              { value: 'HEAVY' as Profile, weight: 4 },
              { value: 'REGULAR' as Profile, weight: 45 },
              { value: 'LIGHT' as Profile, weight: 49 },
              { value: 'PENDING' as Profile, weight: 2 },
            ],
      );

      // The person.
      const male = chance(0.62);
      const surname = weighted(SURNAMES.map(([value, weight]) => ({ value, weight })));
      const name = surname + f.person.firstName(male ? 'male' : 'female');
      const phone = ids.mobile();
      let birthday: string | undefined;
      let idNumber: string | undefined;
      if (chance(0.8)) {
        const age = Math.round((int(23, 62) + int(25, 55)) / 2);
        const year = Number(cal.today.slice(0, 4)) - age;
        const month = int(1, 12);
        const day = int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
        birthday = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        if (chance(0.5)) {
          const region = chance(0.75)
            ? f.helpers.arrayElement(city.idRegions)
            : f.helpers.arrayElement(MIGRANT_ID_REGIONS);
          idNumber = ids.idNumber(region, birthday, male);
        }
      }
      let email: string | undefined;
      if (chance(0.3)) {
        const domain = weighted(EMAIL_DOMAINS.map(([value, weight]) => ({ value, weight })));
        const local =
          domain === 'qq.com'
            ? String(int(10_000_000, 3_999_999_999))
            : f.internet
                .username()
                .toLowerCase()
                .replace(/[^a-z0-9._]/g, '')
                .replace(/^[._]+|[._]+$/g, '') || f.string.alpha({ length: 8, casing: 'lower' });
        email = `${local}@${domain}`;
      }
      const marketingConsent = chance(0.62);
      const channel =
        profile === 'PENDING'
          ? f.helpers.arrayElement([RegistrationChannel.APP, RegistrationChannel.WECHAT])
          : profile === 'NEW_BUYER'
            ? RegistrationChannel.STORE
            : weighted([
                { value: RegistrationChannel.STORE, weight: 76 },
                { value: RegistrationChannel.APP, weight: 11 },
                { value: RegistrationChannel.WECHAT, weight: 13 },
              ]);

      // When they joined: buyers the day they bought; others over the last three years.
      const joinAgo =
        profile === 'PENDING'
          ? int(1, 5)
          : profile === 'NEW_BUYER'
            ? int(3, HISTORY_DAYS)
            : profile === 'REPEAT_BUYER' || chance(0.55)
              ? int(366, 1_100)
              : int(20, 365);
      const joinMinute = minute(9 * 60, 17 * 60);
      const member: PlannedMember = {
        key,
        dealership: store.code,
        profile,
        name,
        phone,
        gender: male ? Gender.MALE : Gender.FEMALE,
        birthday,
        email,
        city: store.city,
        idNumber,
        marketingConsent,
        channel,
        joinedAt: cal.at(joinAgo, joinMinute),
        vehicles: [],
      };
      members.push(member);
      events.push({ kind: 'join', at: member.joinedAt, member: key });

      // Their cars. Ages in days before today; odometers grow by the car's daily kilometres.
      interface Car {
        vehicle: PlannedVehicle;
        purchaseAgo: number;
        dailyKm: number;
        /** Minute of the sale, for a car bought this year. */
        saleMinute?: number;
      }
      const addVehicle = (
        model: CarModel,
        purchaseAgo: number,
        addedAt: Date,
        sold: boolean,
        serviced: boolean,
      ): Car => {
        const purchaseDate = cal.date(purchaseAgo);
        const dailyKm = int(model.dailyKm[0], model.dailyKm[1]);
        const ageAtAdd = Math.max(0, purchaseAgo - cal.daysAgoAt(addedAt));
        const vehicle: PlannedVehicle = {
          key: vehicles.length,
          member: key,
          model,
          dealership: serviced ? store.code : null,
          addedAt,
          details: {
            vin: ids.vin(
              model,
              Number(purchaseDate.slice(0, 4)) + (Number(purchaseDate.slice(5, 7)) >= 9 ? 1 : 0),
            ),
            plateNumber: ids.plate(city, model),
            brand: model.brand,
            model: model.model,
            series: f.helpers.arrayElement(model.series),
            color: f.helpers.arrayElement(COLORS),
            purchaseDate,
            purchasePrice: sold ? carPrice(model) : undefined,
            mileage: ageAtAdd === 0 ? int(5, 30) : ageAtAdd * dailyKm,
            // Small private cars: no inspection for 6 years, then every 2 years.
            inspectionDueDate: cal.nextAnniversary(purchaseDate, 6, 2),
            insuranceExpiryDate: cal.nextAnniversary(purchaseDate),
          },
        };
        vehicles.push(vehicle);
        member.vehicles.push(vehicle.key);
        return { vehicle, purchaseAgo, dailyKm };
      };
      const odometer = (car: Car, daysAgo: number) =>
        Math.max(car.vehicle.details.mileage, (car.purchaseAgo - daysAgo) * car.dailyKm);

      const storeModel = () => weighted(STORE_MODELS[store.code]);
      const cars: Car[] = [];
      if (profile === 'NEW_BUYER') {
        cars.push({
          ...addVehicle(storeModel(), joinAgo, member.joinedAt, true, true),
          saleMinute: joinMinute + 20,
        });
      } else {
        cars.push(
          addVehicle(storeModel(), joinAgo + int(0, 1_500), member.joinedAt, sellsCars && chance(0.6), true),
        );
      }
      if (profile === 'REPEAT_BUYER') {
        const purchaseAgo = int(3, HISTORY_DAYS);
        const saleMinute = minute(10 * 60, 16 * 60);
        const car = addVehicle(storeModel(), purchaseAgo, cal.at(purchaseAgo, saleMinute - 10), true, true);
        events.push({ kind: 'vehicle', at: car.vehicle.addedAt, vehicle: car.vehicle.key });
        cars.push({ ...car, saleMinute });
      } else if (profile !== 'PENDING' && chance(0.22)) {
        // A second family car: the store's brand again (serviced here), or another one bought elsewhere.
        const sameBrand = sellsCars ? chance(0.5) : chance(0.6);
        const model = sameBrand ? storeModel() : weighted(OTHER_CARS);
        const car = addVehicle(
          model,
          joinAgo + int(30, 2_000),
          new Date(member.joinedAt.getTime() + 3 * 60_000),
          sellsCars && sameBrand && chance(0.5),
          sameBrand,
        );
        events.push({ kind: 'vehicle', at: car.vehicle.addedAt, vehicle: car.vehicle.key });
        if (sameBrand) cars.push(car);
      }
      if (profile === 'PENDING') continue;

      // A year of visits, all after the member joined (and after the car was bought).
      const memberTransactions: PlannedTransaction[] = [];
      const transaction = (
        car: Car,
        daysAgo: number,
        minuteOfDay: number,
        type: TransactionType,
        amount: number,
        description: string,
        withMileage = false,
      ) => {
        const t: PlannedTransaction = {
          kind: 'transaction',
          at: cal.at(daysAgo, minuteOfDay),
          dealership: store.code,
          ref: '',
          type,
          amount,
          member: key,
          vehicle: car.vehicle.key,
          mileage: withMileage ? odometer(car, daysAgo) : undefined,
          description,
        };
        memberTransactions.push(t);
        return t;
      };

      cars.forEach((car, index) => {
        const model = car.vehicle.model;
        const boughtThisYear = car.saleMinute !== undefined;
        const style: Profile = index === 0 || boughtThisYear ? profile : 'LIGHT';
        // Visits fall on the days after joining (or after buying the car), up to yesterday.
        const lastAgo = Math.min(HISTORY_DAYS, boughtThisYear ? car.purchaseAgo - 1 : joinAgo - 1);
        if (lastAgo < 1) return;
        const anyDay = () => int(1, lastAgo);

        if (boughtThisYear) {
          const details = car.vehicle.details;
          const sale = car.saleMinute!;
          transaction(
            car,
            car.purchaseAgo,
            sale,
            TransactionType.VEHICLE_PURCHASE,
            details.purchasePrice!,
            `购车：${model.brand} ${model.model} ${details.series}（${details.color}）`,
          );
          if (chance(0.9)) {
            transaction(
              car,
              car.purchaseAgo,
              sale + 40,
              TransactionType.INSURANCE,
              price(INSURANCE_PREMIUM[model.priceClass]),
              '新车保险：交强险＋商业险（车损、三者200万、车上人员）',
            );
          }
          if (chance(0.75)) {
            for (const extra of f.helpers.arrayElements(DELIVERY_ACCESSORIES, int(1, 2))) {
              transaction(
                car,
                car.purchaseAgo,
                sale + 70,
                TransactionType.ACCESSORY,
                classPrice(extra, model),
                `交车精品：${extra.description}`,
              );
            }
          }
          if (model.energy !== 'ICE' && chance(0.8)) {
            const charger = ACCESSORY_ITEMS[5];
            transaction(
              car,
              int(Math.max(1, car.purchaseAgo - 10), lastAgo),
              minute(),
              TransactionType.ACCESSORY,
              classPrice(charger, model),
              charger.description,
            );
          }
        }

        // Maintenance every 5–6 months, mileage rising; now and then paid partly with points.
        const maxServices = style === 'LIGHT' ? int(1, 2) : 3;
        const menu = model.energy === 'EV' ? EV_MAINTENANCE_ITEMS : MAINTENANCE_ITEMS;
        let next = boughtThisYear ? car.purchaseAgo - int(80, 150) : lastAgo - int(0, 170);
        for (let services = 0; next >= 1 && services < maxServices; services++) {
          const first = boughtThisYear && services === 0;
          const item = first ? FIRST_MAINTENANCE : menu[chance(0.35) ? 2 : int(0, 1)];
          const visit = transaction(
            car,
            next,
            minute(),
            TransactionType.MAINTENANCE,
            classPrice(item, model),
            item.description,
            true,
          );
          if (!first && style !== 'LIGHT' && chance(0.25)) {
            const points = f.helpers.arrayElement([500, 1_000, 2_000, 3_000, 5_000]);
            events.push({
              kind: 'redemption',
              at: new Date(visit.at.getTime() + 5 * 60_000),
              dealership: store.code,
              member: key,
              points,
              reason: `积分抵扣保养费（最多${points / 100}元）`,
              key: `demo-redeem-${key}-${index}-${services}`,
            });
          }
          next -= int(150, 185);
        }

        if (style === 'REGULAR' || style === 'HEAVY' || (style === 'REPEAT_BUYER' && !boughtThisYear)) {
          const repairs = (chance(0.5) ? 1 : 0) + (chance(0.12) ? 1 : 0);
          for (let r = 0; r < repairs; r++) {
            const item = f.helpers.arrayElement(usable(REPAIR_ITEMS, model));
            const day = anyDay();
            transaction(
              car,
              day,
              minute(),
              TransactionType.REPAIR,
              classPrice(item, model),
              item.description,
              true,
            );
          }
        }
        if (style === 'HEAVY') {
          transaction(
            car,
            anyDay(),
            minute(),
            TransactionType.REPAIR,
            classPrice(ACCIDENT_REPAIR, model),
            ACCIDENT_REPAIR.description,
            true,
          );
        }
        if (
          chance(
            { HEAVY: 0.6, REGULAR: 0.4, LIGHT: 0.25, REPEAT_BUYER: 0.3, NEW_BUYER: 0.1, PENDING: 0 }[style],
          )
        ) {
          const item = f.helpers.arrayElement(style === 'LIGHT' ? PARTS_ITEMS.slice(2) : PARTS_ITEMS);
          transaction(
            car,
            anyDay(),
            minute(),
            TransactionType.PARTS,
            classPrice(item, model),
            item.description,
            true,
          );
        }
        if (
          chance(
            { HEAVY: 0.5, REGULAR: 0.15, LIGHT: 0, REPEAT_BUYER: 0.15, NEW_BUYER: 0.1, PENDING: 0 }[style],
          )
        ) {
          const item = f.helpers.arrayElement(ACCESSORY_ITEMS.slice(0, 5));
          transaction(
            car,
            anyDay(),
            minute(),
            TransactionType.ACCESSORY,
            classPrice(item, model),
            item.description,
          );
        }
        const washes = {
          HEAVY: [1, 6],
          REGULAR: [0, 4],
          LIGHT: [0, 2],
          REPEAT_BUYER: [0, 3],
          NEW_BUYER: [0, 3],
          PENDING: [0, 0],
        }[style];
        for (let w = int(washes[0], washes[1]); w > 0; w--) {
          const wash = weighted(WASH_ITEMS.map((value, i) => ({ value, weight: [50, 35, 8, 7][i] })));
          transaction(
            car,
            anyDay(),
            minute(8 * 60, 19 * 60),
            TransactionType.WASH,
            price(wash.price),
            wash.description,
          );
        }
        // Insurance renewed a few days before the policy's anniversary, when that fell in the member's year.
        const renews = chance(
          { HEAVY: 0.9, REGULAR: 0.75, LIGHT: 0.35, REPEAT_BUYER: 0.8, NEW_BUYER: 0, PENDING: 0 }[style],
        );
        const renewalAgo = cal.daysAgoOf(car.vehicle.details.insuranceExpiryDate) + 365 + int(1, 15);
        if (renews && !boughtThisYear && renewalAgo >= 1 && renewalAgo <= lastAgo) {
          transaction(
            car,
            renewalAgo,
            minute(),
            TransactionType.INSURANCE,
            price(INSURANCE_PREMIUM[model.priceClass]),
            '续保：交强险＋商业险',
          );
        }
      });

      // Light members stay Regular: drop their largest items until no Silver path is reached.
      if (profile === 'LIGHT') {
        for (;;) {
          const spend = memberTransactions.reduce((sum, t) => sum + t.amount, 0);
          const points = memberTransactions.reduce(
            (sum, t) => sum + Math.floor((t.amount / 100) * Number(RATES[t.type])),
            0,
          );
          const visits = new Set(
            memberTransactions.filter((t) => SERVICE_VISITS.includes(t.type)).map((t) => cal.localDate(t.at)),
          );
          const largestRepair = Math.max(
            0,
            ...memberTransactions.filter((t) => t.type === TransactionType.REPAIR).map((t) => t.amount),
          );
          const silver =
            points >= SILVER.qualifyingPoints - 200 ||
            spend >= SILVER.minSpend! ||
            largestRepair >= SILVER.upgradeRepairAmount! ||
            visits.size >= SILVER.upgradeServiceVisits!;
          if (!silver) break;
          // Insurance and extras go first, maintenance last, so their cars keep a service record.
          const order = [
            TransactionType.INSURANCE,
            TransactionType.ACCESSORY,
            TransactionType.PARTS,
            TransactionType.WASH,
            TransactionType.MAINTENANCE,
          ];
          const tooManyVisits = visits.size >= SILVER.upgradeServiceVisits!;
          const type = tooManyVisits
            ? TransactionType.MAINTENANCE
            : (order.find((ty) => memberTransactions.some((t) => t.type === ty)) ??
              memberTransactions[0].type);
          const largest = memberTransactions
            .filter((t) => t.type === type)
            .reduce((a, b) => (b.amount > a.amount ? b : a));
          memberTransactions.splice(memberTransactions.indexOf(largest), 1);
        }
      }
      events.push(...memberTransactions);
    }
  }

  // Referrals: some members came on a friend's recommendation (推荐码), buyers most of all.
  const byJoin = [...members].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime());
  for (const member of byJoin) {
    if (member.profile === 'PENDING' || !chance(member.profile === 'NEW_BUYER' ? 0.3 : 0.08)) continue;
    const earlier = byJoin.filter(
      (m) =>
        m.dealership === member.dealership &&
        m.profile !== 'PENDING' &&
        m.joinedAt.getTime() < member.joinedAt.getTime() - DAY,
    );
    if (earlier.length) member.referrer = f.helpers.arrayElement(earlier).key;
  }

  // Walk-in customers (散客): a plate and nothing else, some of them twice.
  for (const store of DEMO_DEALERSHIPS) {
    const city = CITIES[store.city];
    for (let car = 0; car < 5; car++) {
      const model = weighted(STORE_MODELS[store.code]);
      const plate = ids.plate(city, model);
      for (let visit = 0, visits = car < 2 ? 2 : 1; visit < visits; visit++) {
        const maintenance = chance(0.4);
        const item = maintenance
          ? MAINTENANCE_ITEMS[0]
          : weighted(WASH_ITEMS.map((value, i) => ({ value, weight: [60, 30, 5, 5][i] })));
        events.push({
          kind: 'transaction',
          at: cal.at(int(1, HISTORY_DAYS), minute()),
          dealership: store.code,
          ref: '',
          type: maintenance ? TransactionType.MAINTENANCE : TransactionType.WASH,
          amount: maintenance
            ? classPrice(item as ServiceItem, model)
            : price((item as (typeof WASH_ITEMS)[number]).price),
          plate,
          mileage: maintenance ? int(20_000, 120_000) : undefined,
          description: `散客：${item.description}`,
        });
      }
    }
  }

  // A few mistakes put right: parts returned, an amount keyed wrongly and entered again.
  const reversible = events.filter(
    (e): e is PlannedTransaction =>
      e.kind === 'transaction' &&
      e.member !== undefined &&
      (e.type === TransactionType.PARTS || e.type === TransactionType.ACCESSORY) &&
      e.at.getTime() < cal.at(10, 0).getTime(),
  );
  const reasons = [
    '客户退货：配件型号不符',
    '金额录入错误，冲销后重录',
    '客户取消加装，全额退款',
    '重复录入，冲销',
  ];
  f.helpers.arrayElements(reversible, 4).forEach((original, i) => {
    const at = new Date(original.at.getTime() + int(1, 4) * DAY + int(10, 120) * 60_000);
    events.push({ kind: 'reversal', at, transaction: original, reason: reasons[i] });
    if (i === 1) {
      events.push({
        ...original,
        at: new Date(at.getTime() + 10 * 60_000),
        amount: Math.round((original.amount * 0.9) / 100) * 100,
        description: `${original.description}（重录）`,
      });
    }
  });

  // Two accounts frozen by customer service after the year's business.
  const freezable = members.filter((m) => m.profile === 'REGULAR');
  const freezeReasons = ['会员卡挂失，客户来电申请冻结', '积分异常核查中，暂时冻结'];
  f.helpers.arrayElements(freezable, 2).forEach((member, i) => {
    events.push({ kind: 'freeze', at: cal.at(1, 17 * 60 + i), member: member.key, reason: freezeReasons[i] });
  });

  // Chronological, then each store's document numbers in order of time.
  const ordered = events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.at.getTime() - b.event.at.getTime() || a.index - b.index);
  const sequence = new Map<string, number>();
  const prefixes: Record<TransactionType, string> = {
    [TransactionType.VEHICLE_PURCHASE]: 'VS',
    [TransactionType.MAINTENANCE]: 'RO',
    [TransactionType.REPAIR]: 'RO',
    [TransactionType.PARTS]: 'PT',
    [TransactionType.ACCESSORY]: 'AC',
    [TransactionType.INSURANCE]: 'IN',
    [TransactionType.WASH]: 'CW',
    [TransactionType.OTHER]: 'OT',
  };
  for (const { event } of ordered) {
    if (event.kind !== 'transaction') continue;
    const day = cal.localDate(event.at).replace(/-/g, '').slice(2);
    const counterKey = `${event.dealership}:${day}`;
    const n = (sequence.get(counterKey) ?? 0) + 1;
    sequence.set(counterKey, n);
    event.ref = `${prefixes[event.type]}${day}${String(n).padStart(3, '0')}`;
  }
  return { members, vehicles, events: ordered.map((o) => o.event) };
}
