import { splitSpend, luhnCheckDigit } from '../../backend/src/modules/cards/card-numbers';
import { dueTimes } from '../../backend/src/modules/complaints/complaint-rules';
import { addCalendarMonths, lotExpiresAt } from '../../backend/src/modules/points/points-expiry';
import { parseDecimal, earnedPoints } from '../../backend/src/modules/points/points-math';
import { ProgrammeRules } from '../../backend/src/modules/programme/programme-rules';
import { qualifiedTier, TierCriteria, TierFigures } from '../../backend/src/modules/tiers/tier-rules';
import { addDaysToDate, addMonthsToDate, daysBetweenDates } from '../../backend/src/common/time/calendar';
import { payloadHash } from '../../backend/src/common/idempotency';
import {
  CHANNELS,
  CITIES,
  COLORS,
  COMPLAINT_CATEGORIES,
  COMPLAINT_SUBJECTS,
  COUNT_CARD_SERVICES,
  GIVEN_NAMES,
  MODELS,
  SURNAMES,
  TRANSACTION_MIX,
} from './catalogue';
import { encode, scaleId } from './ids';
import { between, logNormal, pick, prng, Random, weighted } from './random';
import { ScaleTables } from './tables';
import { sqlDateTime } from './tsv';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const REFERRAL_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const SERVICE_TYPES = new Set(['MAINTENANCE', 'REPAIR', 'PARTS', 'WASH']);
/**
 * The share of the last day's transactions that a DMS batch import brought in after the last nightly
 * tier run: recording them upgraded nobody yet, so the next TIER_EVALUATION has upgrades to make.
 */
const BATCH_IMPORTED_SHARE = 0.1;

export interface ScaleTier extends TierCriteria {
  code: string;
  pointsMultiplier: string;
}

export interface ScaleDealership {
  id: string;
  city: number;
  staffIds: string[];
}

/** What every member's history is generated against. */
export interface HistoryContext {
  /** The anchor day ('YYYY-MM-DD', programme time zone): history ends the day before it. */
  anchor: string;
  /** Local midnight starting the anchor day, UTC ms. */
  anchorMs: number;
  timeZone: string;
  rules: ProgrammeRules;
  /** Tiers, lowest rank first. */
  tiers: ScaleTier[];
  dealerships: ScaleDealership[];
  /** The ULID time part of every generated id. */
  idBaseMs: number;
}

/** Running sequence numbers per table, so ids and external references are unique across chunks. */
export interface Sequences {
  vehicle: number;
  transaction: number;
  entry: number;
  lot: number;
  tierChange: number;
  card: number;
  cardEntry: number;
  complaint: number;
  complaintEvent: number;
  ticketsByDay: Map<string, number>;
}

export function newSequences(): Sequences {
  return {
    vehicle: 0,
    transaction: 0,
    entry: 0,
    lot: 0,
    tierChange: 0,
    card: 0,
    cardEntry: 0,
    complaint: 0,
    complaintEvent: 0,
    ticketsByDay: new Map(),
  };
}

interface Vehicle {
  id: string;
  plate: string;
  purchaseDay: number;
  avgDailyKm: number;
  services: { ms: number; day: number; mileage: number }[];
}

interface Lot {
  id: string;
  entryId: string;
  transactionId: string;
  points: number;
  remaining: number;
  earnedMs: number;
  expiresMs: number;
}

interface Txn {
  id: string;
  ms: number;
  day: number;
  type: string;
  amount: number;
  dealership: ScaleDealership;
  vehicle: Vehicle;
  externalRef: string;
  mileage: number | null;
  points: number;
  reversedMs: number | null;
}

/**
 * Generates one member's rows in every table: profile, vehicles, a year of transactions with their
 * points (lots drawn FIFO by redemptions and reversals), tier moves, cards and complaints. All
 * cached figures are the sums of the rows written, so the ledger invariants hold by construction.
 */
export class MemberHistory {
  private readonly dayMs = new Map<number, number>();
  private readonly dayDate = new Map<number, string>();
  private readonly expiryByDay = new Map<number, number>();
  private readonly earning = new Map<string, { units: bigint; scale: bigint }>();
  private readonly windowFromMs: number;

  constructor(
    private readonly context: HistoryContext,
    private readonly tables: ScaleTables,
    private readonly sequences: Sequences,
  ) {
    this.windowFromMs = addCalendarMonths(
      new Date(context.anchorMs),
      -context.rules.qualifyingWindowMonths,
    ).getTime();
  }

  /** Writes member `row` (0-based) and everything that belongs to it. */
  write(row: number): void {
    const { context, tables } = this;
    const random = prng(row * 2_654_435_761 + 17);
    const memberId = scaleId(context.idBaseMs, 'M', row);
    const home = context.dealerships[row % context.dealerships.length];
    const [city, platePrefix] = CITIES[home.city];

    const pending = random() < 0.004;
    const joinDay = pending ? -between(random, 0, 6) : -between(random, 1, 3 * 365);
    const joinedMs = this.startOf(joinDay) + between(random, 9, 20) * HOUR_MS + between(random, 0, 3_599_999);
    const statusDraw = random();
    const status = pending
      ? 'PENDING_ACTIVATION'
      : statusDraw < 0.975
        ? 'ACTIVE'
        : statusDraw < 0.99
          ? 'FROZEN'
          : 'CANCELLED';
    const channel = pending ? pick(random, ['APP', 'WECHAT']) : weighted(random, CHANNELS);
    const phone = `13${String(row).padStart(9, '0')}`;
    const name = pick(random, SURNAMES) + pick(random, GIVEN_NAMES);
    const birthday = addDaysToDate('1960-01-01', between(random, 0, 45 * 365));
    const consent = random() < 0.6;

    // Vehicles: most members one, some two or three; bought before joining (or with it).
    const vehicleCount = weighted(random, [
      [1, 82],
      [2, 16],
      [3, 2],
    ] as const);
    const vehicles: Vehicle[] = [];
    for (let v = 0; v < vehicleCount; v++) {
      const sequence = this.sequences.vehicle++;
      vehicles.push({
        id: scaleId(context.idBaseMs, 'V', sequence),
        plate: `${platePrefix}${encode(sequence, '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ', 5)}`,
        purchaseDay: joinDay - between(random, 0, 6 * 365),
        avgDailyKm: Math.round(Math.max(8, logNormal(random, 38, 0.45)) * 100) / 100,
        services: [],
      });
    }

    // Tier held from before the year (reviewed and kept at its last anniversary), then this year's moves.
    let tierIndex = 0;
    let tierAchievedMs = joinedMs;
    let tierReviewMs: number | null = null;
    if (!pending && joinedMs < this.windowFromMs) {
      tierIndex = weighted(random, [
        [0, 77],
        [1, 15],
        [2, 6],
        [3, 2],
      ] as const);
      if (tierIndex > 0 && tierIndex < context.tiers.length) {
        tierReviewMs = this.startOf(between(random, 1, 365)) + 2 * HOUR_MS;
        tierAchievedMs = addCalendarMonths(new Date(tierReviewMs), -context.rules.tierReviewMonths).getTime();
      } else tierIndex = 0;
    }

    // A year of transactions: many members with none to two, a few with many.
    const transactions: Txn[] = [];
    const firstDay = Math.max(joinDay, -365);
    if (!pending && firstDay < 0) {
      const count = Math.min(60, Math.floor(-Math.log(Math.max(random(), 1e-9)) * 4));
      for (let i = 0; i < count; i++) {
        const day = between(random, firstDay, -1);
        const [type, , median, spread] = weighted(
          random,
          TRANSACTION_MIX.map((m) => [m, m[1]] as const),
        );
        const amount =
          type === 'WASH'
            ? pick(random, [3_000, 5_000, 8_000])
            : Math.max(1_000, Math.round(logNormal(random, median, spread) / 100) * 100);
        const vehicle = pick(random, vehicles);
        transactions.push({
          id: '',
          ms: this.startOf(day) + between(random, 9, 18) * HOUR_MS + between(random, 0, 3_599_999),
          day,
          type,
          amount,
          dealership: random() < 0.85 ? home : pick(random, context.dealerships),
          vehicle,
          externalRef: '',
          mileage: null,
          points: 0,
          reversedMs: null,
        });
      }
      transactions.sort((a, b) => a.ms - b.ms);
    }

    // Points: every event in time order, against the balance, the debt and the lots.
    let balance = 0;
    let debt = 0;
    let lifetime = 0;
    let qualifying = 0;
    let spend = 0;
    let lastMs: number | null = null;
    const lots: Lot[] = [];
    const figures: TierFigures = { qualifyingPoints: 0, spend: 0, serviceVisits: 0, largestRepair: 0 };
    const visitDays = new Set<number>();
    const serviceVisitTypes = new Set<string>(context.rules.serviceVisitTypes);
    const redeemAfter =
      transactions.length && random() < 0.2 ? between(random, 0, transactions.length - 1) : -1;
    type Event = { ms: number; kind: 'post' | 'reverse' | 'redeem'; txn: Txn };
    const events: Event[] = [];
    for (const txn of transactions) {
      events.push({ ms: txn.ms, kind: 'post', txn });
      if (random() < 0.005) {
        const reversedMs = txn.ms + between(random, 1, 5) * DAY_MS;
        if (reversedMs < context.anchorMs) {
          txn.reversedMs = reversedMs;
          events.push({ ms: reversedMs, kind: 'reverse', txn });
        }
      }
    }
    if (redeemAfter >= 0) {
      const ms = transactions[redeemAfter].ms + between(random, 1, 30) * DAY_MS;
      if (ms < context.anchorMs) events.push({ ms, kind: 'redeem', txn: transactions[redeemAfter] });
    }
    events.sort((a, b) => a.ms - b.ms);

    const entry = (
      type: string,
      points: number,
      debtChange: number,
      ms: number,
      reason: string,
      source: [string, string] | null,
      extra: { expiresMs?: number; dealershipId?: string; key?: string },
    ) => {
      const id = scaleId(context.idBaseMs, 'E', this.sequences.entry++);
      const at = sqlDateTime(ms);
      tables.points_entry.add([
        id,
        at,
        at,
        memberId,
        type,
        points,
        balance,
        debtChange,
        debt,
        reason,
        source?.[0] ?? null,
        source?.[1] ?? null,
        extra.expiresMs === undefined ? null : sqlDateTime(extra.expiresMs),
        extra.dealershipId ?? null,
        extra.key ?? null,
      ]);
      return id;
    };
    const drawLots = (points: number, first: string | null) => {
      let left = points;
      const ordered = first
        ? [...lots.filter((l) => l.transactionId === first), ...lots.filter((l) => l.transactionId !== first)]
        : lots;
      for (const lot of ordered) {
        if (!left) break;
        const take = Math.min(lot.remaining, left);
        lot.remaining -= take;
        left -= take;
      }
    };

    for (const event of events) {
      const txn = event.txn;
      if (event.kind === 'post') {
        txn.id = scaleId(context.idBaseMs, 'T', this.sequences.transaction);
        txn.externalRef = `DMS${String(this.sequences.transaction++).padStart(10, '0')}`;
        txn.points = this.earnedPoints(txn.amount, txn.type, context.tiers[tierIndex]);
        if (SERVICE_TYPES.has(txn.type)) {
          txn.mileage = Math.round(txn.vehicle.avgDailyKm * (txn.day - txn.vehicle.purchaseDay));
          if (txn.type === 'MAINTENANCE')
            txn.vehicle.services.push({ ms: txn.ms, day: txn.day, mileage: txn.mileage });
        }
        spend += txn.amount;
        lastMs = txn.ms;
        if (txn.ms > this.windowFromMs) qualifying += txn.points;
        if (txn.points > 0) {
          const netted = Math.min(debt, txn.points);
          debt -= netted;
          balance += txn.points - netted;
          lifetime += txn.points;
          const expiresMs = this.expiryOf(txn.day);
          const reason = `${txn.type} ${txn.externalRef}${netted ? `; ${netted} points netted against debt` : ''}`;
          const entryId = entry(
            'EARN',
            txn.points - netted,
            -netted,
            txn.ms,
            reason,
            ['TRANSACTION', txn.id],
            {
              expiresMs,
              dealershipId: txn.dealership.id,
              key: `earn:${txn.id}`,
            },
          );
          if (txn.points > netted) {
            lots.push({
              id: scaleId(context.idBaseMs, 'L', this.sequences.lot++),
              entryId,
              transactionId: txn.id,
              points: txn.points - netted,
              remaining: txn.points - netted,
              earnedMs: txn.ms,
              expiresMs,
            });
          }
        }
        figures.qualifyingPoints += txn.points;
        figures.spend += txn.amount;
        if (serviceVisitTypes.has(txn.type)) visitDays.add(txn.day);
        figures.serviceVisits = visitDays.size;
        if (txn.type === 'REPAIR') figures.largestRepair = Math.max(figures.largestRepair, txn.amount);
        // Upgrade at once when a better tier is reached, as recording a transaction does.
        if (txn.day < -1 || random() >= BATCH_IMPORTED_SHARE) {
          const target = qualifiedTier(context.tiers, figures);
          const targetIndex = context.tiers.indexOf(target);
          if (targetIndex > tierIndex) {
            this.tierChange(memberId, context.tiers[tierIndex].id, target.id, txn.ms, figures);
            tierIndex = targetIndex;
            tierAchievedMs = txn.ms;
            tierReviewMs = addCalendarMonths(new Date(txn.ms), context.rules.tierReviewMonths).getTime();
          }
        }
      } else if (event.kind === 'reverse') {
        spend -= txn.amount;
        if (txn.ms > this.windowFromMs) qualifying -= txn.points;
        figures.qualifyingPoints -= txn.points;
        figures.spend -= txn.amount;
        if (txn.points > 0) {
          const taken = Math.min(balance, txn.points);
          balance -= taken;
          debt += txn.points - taken;
          lifetime -= txn.points;
          if (taken) drawLots(taken, txn.id);
          entry(
            'REVERSAL',
            -taken,
            txn.points - taken,
            event.ms,
            'Returned by the customer',
            ['TRANSACTION', txn.id],
            {
              dealershipId: txn.dealership.id,
              key: `reverse:${txn.id}`,
            },
          );
        }
      } else {
        const points = Math.floor((balance * (0.3 + random() * 0.7)) / 100) * 100;
        if (points >= 100) {
          balance -= points;
          drawLots(points, null);
          entry(
            'REDEEM',
            -points,
            0,
            event.ms,
            'Points used at checkout (积分抵扣)',
            ['REDEMPTION', memberId],
            { dealershipId: home.id },
          );
        }
      }
    }

    for (const txn of transactions) {
      const at = sqlDateTime(txn.ms);
      const hash = payloadHash({
        externalRef: txn.externalRef,
        memberId,
        vehicleId: txn.vehicle.id,
        type: txn.type,
        amount: txn.amount,
        occurredAt: new Date(txn.ms),
        mileage: txn.mileage ?? undefined,
        dealershipId: txn.dealership.id,
      });
      this.tables.sales_transaction.add([
        txn.id,
        at,
        at,
        txn.externalRef,
        txn.dealership.id,
        memberId,
        txn.vehicle.id,
        txn.vehicle.plate,
        txn.type,
        txn.amount,
        at,
        txn.mileage,
        txn.points,
        txn.points,
        txn.reversedMs === null ? 'POSTED' : 'REVERSED',
        txn.reversedMs === null ? null : sqlDateTime(txn.reversedMs),
        txn.reversedMs === null ? null : 'Returned by the customer',
        hash,
        pick(random, txn.dealership.staffIds),
      ]);
    }
    for (const lot of lots) {
      const at = sqlDateTime(lot.earnedMs);
      tables.points_lot.add([
        lot.id,
        at,
        at,
        memberId,
        lot.entryId,
        lot.transactionId,
        lot.points,
        lot.remaining,
        at,
        sqlDateTime(lot.expiresMs),
      ]);
    }
    for (const vehicle of vehicles) this.writeVehicle(random, memberId, vehicle, home, joinedMs);

    const joined = sqlDateTime(joinedMs);
    const memberNo = `M${joined.slice(2, 4)}${joined.slice(5, 7)}${String(row).padStart(7, '0')}`;
    tables.member.add([
      memberId,
      joined,
      joined,
      memberNo,
      name,
      phone,
      phone,
      random() < 0.55 ? 'MALE' : 'FEMALE',
      birthday,
      city,
      status,
      channel,
      home.id,
      context.tiers[tierIndex].id,
      sqlDateTime(tierAchievedMs),
      tierReviewMs === null ? null : sqlDateTime(tierReviewMs),
      balance,
      debt,
      lifetime,
      qualifying,
      spend,
      `S${encode(row, REFERRAL_ALPHABET, 7)}`,
      consent,
      pending ? null : joined,
      lastMs === null ? null : sqlDateTime(lastMs),
    ]);

    if (status === 'ACTIVE' && transactions.length) {
      const cardDraw = random();
      if (cardDraw < 0.06) this.writeStoredValueCard(random, memberId, home, transactions[0].ms);
      else if (cardDraw < 0.09) this.writeCountCard(random, memberId, home, transactions[0].ms);
      if (random() < 0.012) this.writeComplaint(random, memberId, pick(random, transactions));
    }
  }

  /** floor(yuan × rate × tier multiplier) in exact arithmetic, the factors parsed once per type and tier. */
  private earnedPoints(amount: number, type: string, tier: ScaleTier): number {
    const key = `${type}:${tier.id}`;
    let factor = this.earning.get(key);
    if (!factor) {
      const rate = this.context.rules.earningRates[type as keyof ProgrammeRules['earningRates']] ?? '0';
      const a = parseDecimal(rate);
      const b = parseDecimal(tier.pointsMultiplier);
      factor = { units: a.units * b.units, scale: 10n ** BigInt(a.scale + b.scale) * 100n };
      this.earning.set(key, factor);
      if (
        earnedPoints(123_456_789, [rate, tier.pointsMultiplier]) !==
        Number((123_456_789n * factor.units) / factor.scale)
      ) {
        throw new Error('The scale seed computes points differently from points-math');
      }
    }
    return Number((BigInt(amount) * factor.units) / factor.scale);
  }

  private tierChange(
    memberId: string,
    fromTierId: string,
    toTierId: string,
    ms: number,
    figures: TierFigures,
  ): void {
    const at = sqlDateTime(ms);
    const note = `Qualified; 12-month figures: ${figures.qualifyingPoints} qualifying points, spend ¥${(figures.spend / 100).toFixed(2)}, ${figures.serviceVisits} service visits`;
    this.tables.tier_change.add([
      scaleId(this.context.idBaseMs, 'G', this.sequences.tierChange++),
      at,
      at,
      memberId,
      fromTierId,
      toTierId,
      'UPGRADE',
      note,
    ]);
  }

  private writeVehicle(
    random: Random,
    memberId: string,
    vehicle: Vehicle,
    home: ScaleDealership,
    joinedMs: number,
  ): void {
    const { context } = this;
    const [brand, model, series, price] = MODELS[between(random, 0, MODELS.length - 1)];
    const km = (day: number) => Math.round(vehicle.avgDailyKm * (day - vehicle.purchaseDay));
    // Service history: this year's maintenance visits, else one earlier visit on the 6-month rhythm.
    const services = vehicle.services.length
      ? vehicle.services.slice(-2)
      : [{ ms: 0, day: Math.max(vehicle.purchaseDay, -between(random, 1, 420)), mileage: 0 }].map((s) => ({
          ...s,
          ms: this.startOf(s.day) + 11 * HOUR_MS,
          mileage: km(s.day),
        }));
    const last = services[services.length - 1];
    const previous = services.length > 1 ? services[0] : null;
    const interval = context.rules.maintenanceInterval;
    // As maintenance-schedule computes it: 6 months or 5,000 km predicted from the daily average, whichever first.
    const lastDate = this.dateOf(last.day);
    let avgDailyKm: number | null = null;
    if (previous && last.mileage >= previous.mileage) {
      const days = daysBetweenDates(this.dateOf(previous.day), lastDate);
      if (days > 0) avgDailyKm = Math.round(((last.mileage - previous.mileage) / days) * 100) / 100;
    }
    let nextDue = addMonthsToDate(lastDate, interval.months);
    if (avgDailyKm && avgDailyKm > 0) {
      const byMileage = addDaysToDate(lastDate, Math.floor(interval.km / avgDailyKm));
      if (byMileage < nextDue) nextDue = byMileage;
    }
    const purchaseDate = this.dateOf(vehicle.purchaseDay);
    // Insurance renews, and the annual inspection falls due, on the purchase anniversary.
    const years = Math.ceil(daysBetweenDates(purchaseDate, context.anchor) / 365.25);
    const anniversary = addMonthsToDate(purchaseDate, 12 * Math.max(1, years));
    const created = sqlDateTime(Math.min(joinedMs, this.startOf(vehicle.purchaseDay) + 12 * HOUR_MS));
    this.tables.vehicle.add([
      vehicle.id,
      created,
      created,
      memberId,
      `LSV${String(this.vinOf(vehicle.id)).padStart(14, '0')}`,
      vehicle.plate,
      brand,
      model,
      series,
      pick(random, COLORS),
      purchaseDate,
      Math.round((price * (0.9 + random() * 0.2)) / 100) * 100,
      km(-1),
      sqlDateTime(last.ms),
      last.mileage,
      previous ? sqlDateTime(previous.ms) : null,
      previous ? previous.mileage : null,
      avgDailyKm,
      nextDue,
      last.mileage + interval.km,
      random() < 0.95 ? anniversary : null,
      random() < 0.95 ? anniversary : null,
      home.id,
    ]);
  }

  private vinOf(vehicleId: string): number {
    let value = 0;
    for (const char of vehicleId.slice(11))
      value = value * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(char);
    return value;
  }

  private cardNo(prefix: string): string {
    const body = `${prefix}${String(this.sequences.card).padStart(13, '0')}`;
    return body + luhnCheckDigit(body);
  }

  private writeStoredValueCard(
    random: Random,
    memberId: string,
    home: ScaleDealership,
    fromMs: number,
  ): void {
    const id = scaleId(this.context.idBaseMs, 'C', this.sequences.card);
    const cardNo = this.cardNo('62');
    this.sequences.card++;
    const issuedMs = fromMs + between(random, 0, 3) * HOUR_MS;
    let principal = 0;
    let bonus = 0;
    const add = (
      type: string,
      ms: number,
      amount: number,
      p: number,
      b: number,
      dealership: ScaleDealership,
      method: string | null,
    ) => {
      principal += p;
      bonus += b;
      const at = sqlDateTime(ms);
      this.tables.card_entry.add([
        scaleId(this.context.idBaseMs, 'K', this.sequences.cardEntry++),
        at,
        at,
        id,
        memberId,
        'STORED_VALUE',
        home.id,
        type,
        amount,
        p,
        b,
        null,
        principal + bonus,
        principal,
        bonus,
        null,
        dealership.id,
        pick(random, dealership.staffIds),
        method,
      ]);
    };
    add('ISSUE', issuedMs, 0, 0, 0, home, null);
    const moments = Array.from(
      { length: between(random, 1, 6) },
      () => issuedMs + between(random, 1, 3_600_000) * 1000,
    )
      .filter((ms) => ms < this.context.anchorMs)
      .sort((a, b) => a - b);
    const recharge = (ms: number) => {
      const amount = pick(random, [100_000, 200_000, 300_000, 500_000, 1_000_000]);
      add(
        'RECHARGE',
        ms,
        amount + (amount >= 500_000 ? amount / 10 : 0),
        amount,
        amount >= 500_000 ? amount / 10 : 0,
        home,
        pick(random, ['MOBILE_PAY', 'BANK_CARD', 'CASH']),
      );
    };
    recharge(issuedMs + 1000);
    for (const ms of moments) {
      if (random() < 0.2) recharge(ms);
      else if (principal + bonus > 0) {
        const amount = Math.min(
          principal + bonus,
          Math.max(3_000, Math.round(logNormal(random, 60_000, 0.8) / 100) * 100),
        );
        const part = splitSpend(amount, principal, bonus);
        add(
          'CONSUME',
          ms,
          -amount,
          -part.principal,
          -part.bonus,
          random() < 0.9 ? home : pick(random, this.context.dealerships),
          null,
        );
      }
    }
    const at = sqlDateTime(issuedMs);
    this.tables.card.add([
      id,
      at,
      at,
      cardNo,
      'STORED_VALUE',
      'ACTIVE',
      memberId,
      home.id,
      principal + bonus,
      principal,
      bonus,
      null,
      null,
      null,
    ]);
  }

  private writeCountCard(random: Random, memberId: string, home: ScaleDealership, fromMs: number): void {
    const id = scaleId(this.context.idBaseMs, 'C', this.sequences.card);
    const cardNo = this.cardNo('63');
    this.sequences.card++;
    const [service, uses] = pick(random, COUNT_CARD_SERVICES);
    const issuedMs = fromMs + between(random, 0, 3) * HOUR_MS;
    let remaining = 0;
    const add = (type: string, ms: number, change: number) => {
      remaining += change;
      const at = sqlDateTime(ms);
      this.tables.card_entry.add([
        scaleId(this.context.idBaseMs, 'K', this.sequences.cardEntry++),
        at,
        at,
        id,
        memberId,
        'COUNT',
        home.id,
        type,
        0,
        0,
        0,
        change,
        0,
        0,
        0,
        remaining,
        home.id,
        pick(random, home.staffIds),
        null,
      ]);
    };
    add('ISSUE', issuedMs, uses);
    const used = Array.from(
      { length: between(random, 0, uses) },
      () => issuedMs + between(random, 1, 3_600_000) * 1000,
    )
      .filter((ms) => ms < this.context.anchorMs)
      .sort((a, b) => a - b);
    for (const ms of used) add('CONSUME', ms, -1);
    const at = sqlDateTime(issuedMs);
    const expires = sqlDateTime(addCalendarMonths(new Date(issuedMs), 12).getTime());
    this.tables.card.add([
      id,
      at,
      at,
      cardNo,
      'COUNT',
      'ACTIVE',
      memberId,
      home.id,
      0,
      0,
      0,
      remaining,
      service,
      expires,
    ]);
  }

  private writeComplaint(random: Random, memberId: string, txn: Txn): void {
    const { context, tables } = this;
    const id = scaleId(context.idBaseMs, 'P', this.sequences.complaint++);
    const createdMs = Math.min(context.anchorMs - HOUR_MS, txn.ms + between(random, 2, 72) * HOUR_MS);
    const day = this.dateOf(Math.floor((createdMs - context.anchorMs) / DAY_MS));
    const sequence = (this.sequences.ticketsByDay.get(day) ?? 0) + 1;
    this.sequences.ticketsByDay.set(day, sequence);
    const priority = weighted(random, [
      ['LOW', 20],
      ['NORMAL', 60],
      ['HIGH', 15],
      ['URGENT', 5],
    ] as const);
    const category = pick(random, COMPLAINT_CATEGORIES);
    const due = dueTimes(new Date(createdMs), priority as never, context.rules.complaintSla);
    const staffId = pick(random, txn.dealership.staffIds);
    const acknowledgedMs = createdMs + between(random, 5, 40) * 60_000;
    const resolvedMs = createdMs + between(random, 3, 60) * HOUR_MS;
    const closedMs = resolvedMs + between(random, 12, 72) * HOUR_MS;
    const steps: [string, number, string, string][] = [['CREATED', createdMs, '', 'OPEN']];
    if (acknowledgedMs < context.anchorMs)
      steps.push(['ACKNOWLEDGED', acknowledgedMs, 'OPEN', 'ACKNOWLEDGED']);
    if (resolvedMs < context.anchorMs) steps.push(['RESOLVED', resolvedMs, 'ACKNOWLEDGED', 'RESOLVED']);
    if (closedMs < context.anchorMs) steps.push(['CLOSED', closedMs, 'RESOLVED', 'CLOSED']);
    const status = steps[steps.length - 1][3];
    const done = status === 'RESOLVED' || status === 'CLOSED';
    const created = sqlDateTime(createdMs);
    tables.complaint.add([
      id,
      created,
      sqlDateTime(steps[steps.length - 1][1]),
      `TS${day.replace(/-/g, '')}-${String(sequence).padStart(4, '0')}`,
      memberId,
      txn.dealership.id,
      txn.vehicle.id,
      txn.id,
      category,
      priority,
      pick(random, ['PHONE', 'STORE', 'APP', 'WECHAT']),
      status,
      COMPLAINT_SUBJECTS[category],
      staffId,
      sqlDateTime(due.acknowledgeDueAt.getTime()),
      sqlDateTime(due.resolveDueAt.getTime()),
      steps.length > 1 ? sqlDateTime(acknowledgedMs) : null,
      done ? sqlDateTime(resolvedMs) : null,
      status === 'CLOSED' ? sqlDateTime(closedMs) : null,
      done
        ? pick(random, ['RESOLVED_COMPENSATED', 'RESOLVED_REPAIRED', 'RESOLVED_EXPLAINED', 'UNFOUNDED'])
        : null,
      done ? '已与客户沟通并处理完毕' : null,
      status === 'CLOSED' ? between(random, 2, 5) : null,
    ]);
    for (const [type, ms, from, to] of steps) {
      const at = sqlDateTime(ms);
      const byMember = type === 'CREATED';
      tables.complaint_event.add([
        scaleId(context.idBaseMs, 'Q', this.sequences.complaintEvent++),
        at,
        at,
        id,
        type,
        null,
        byMember ? 'MEMBER' : 'STAFF',
        byMember ? memberId : staffId,
        null,
        from || null,
        to,
      ]);
    }
  }

  /** Local midnight starting day `offset` (relative to the anchor day), UTC ms. */
  private startOf(offset: number): number {
    let ms = this.dayMs.get(offset);
    if (ms === undefined) {
      // Whole days from the anchor's local midnight; zones with daylight saving may be an hour off, which is harmless here.
      ms = this.context.anchorMs + offset * DAY_MS;
      this.dayMs.set(offset, ms);
    }
    return ms;
  }

  private dateOf(offset: number): string {
    let date = this.dayDate.get(offset);
    if (date === undefined) {
      date = addDaysToDate(this.context.anchor, offset);
      this.dayDate.set(offset, date);
    }
    return date;
  }

  /** When a lot earned on day `offset` expires (end of the 24th month after, programme time zone). */
  private expiryOf(offset: number): number {
    let ms = this.expiryByDay.get(offset);
    if (ms === undefined) {
      ms = lotExpiresAt(
        new Date(this.startOf(offset) + 12 * HOUR_MS),
        this.context.timeZone,
        this.context.rules.pointsExpiryMonths,
      ).getTime();
      this.expiryByDay.set(offset, ms);
    }
    return ms;
  }
}
