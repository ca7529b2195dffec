import { faker as fakerZH_CN } from '@faker-js/faker/locale/zh_CN';
import { In } from 'typeorm';
import { Principal, StaffRole } from '../../backend/src/common/auth/principal';
import { dialectOf } from '../../backend/src/common/database/sql-dialect';
import { CardEntry } from '../../backend/src/modules/cards/card-entry.entity';
import { Card } from '../../backend/src/modules/cards/card.entity';
import { CardType, PaymentMethod } from '../../backend/src/modules/cards/card.enums';
import { CardsService } from '../../backend/src/modules/cards/cards.service';
import { Dealership } from '../../backend/src/modules/dealerships/dealership.entity';
import { Member } from '../../backend/src/modules/members/member.entity';
import { MemberStatus } from '../../backend/src/modules/members/member.enums';
import type { SeedStep } from '../../backend/src/modules/seeding/seed-step';
import { StaffUser } from '../../backend/src/modules/staff/staff-user.entity';

/** Top-up packages the stores sell (充值套餐): principal and bonus in fen. */
const PACKAGES = [
  { amount: 1_000_00, bonus: 100_00 },
  { amount: 2_000_00, bonus: 300_00 },
  { amount: 5_000_00, bonus: 1_000_00 },
  { amount: 500_00, bonus: 0 },
];
const COUNT_CARDS = [
  { serviceName: '精致洗车', uses: 10 },
  { serviceName: '常规保养', uses: 4 },
  { serviceName: '空调清洗', uses: 2 },
];
const PAYMENT = [PaymentMethod.MOBILE_PAY, PaymentMethod.BANK_CARD, PaymentMethod.CASH, PaymentMethod.MOBILE_PAY];
const DAY = 86_400_000;

/**
 * Cards for the demo group: membership cards, stored-value cards topped up with the stores'
 * packages and spent (some at other stores, for the settlement report), count cards, a refund and
 * a lost card replaced. Everything goes through CardsService; the entries are then dated over the
 * last three months so the finance reports read like a quarter of business.
 */
export const demoCardsStep: SeedStep = {
  name: 'demo:cards',
  async run({ manager, moduleRef }) {
    const faker = fakerZH_CN;
    faker.seed(20261123);
    const cards = moduleRef.get(CardsService, { strict: false });
    const dealerships = await manager.find(Dealership, { order: { code: 'ASC' } });
    const desk = new Map<string, Principal>();
    for (const user of await manager.find(StaffUser, { where: { role: StaffRole.STORE_STAFF }, order: { username: 'ASC' } })) {
      if (user.dealershipId && !desk.has(user.dealershipId)) {
        desk.set(user.dealershipId, { staff: { id: user.id, username: user.username, name: user.name, role: user.role, dealershipId: user.dealershipId } });
      }
    }
    const members = (await manager.find(Member, { where: { status: MemberStatus.ACTIVE }, order: { createdAt: 'ASC', id: 'ASC' } })).filter(
      (m) => m.homeDealershipId && desk.has(m.homeDealershipId),
    );
    const now = Date.now();
    let key = 0;
    const nextKey = () => `demo-card-${String(key++).padStart(6, '0')}`;
    const dated: { id: string; at: Date }[] = [];
    const stamp = (id: string, daysAgo: number) => dated.push({ id, at: new Date(now - daysAgo * DAY - faker.number.int({ min: 0, max: 8 * 3600_000 })) });
    let storedValue = 0;
    let counted = 0;

    for (const [index, member] of members.entries()) {
      const home = member.homeDealershipId!;
      const staff = desk.get(home)!;
      const membership = await cards.create(staff, { memberId: member.id, type: CardType.MEMBERSHIP, dealershipId: home });
      stamp(membership.id, 100);

      if (index % 4 === 0) {
        storedValue++;
        const card = await cards.create(staff, { memberId: member.id, type: CardType.STORED_VALUE, dealershipId: home });
        let daysAgo = faker.number.int({ min: 60, max: 95 });
        stamp(card.id, daysAgo + 1);
        const pack = PACKAGES[index % PACKAGES.length];
        const entry = await cards.recharge(staff, {
          cardId: card.id,
          amount: pack.amount,
          bonusAmount: pack.bonus,
          dealershipId: home,
          paymentMethod: PAYMENT[index % PAYMENT.length],
          note: pack.bonus ? `充${pack.amount / 100}送${pack.bonus / 100}` : undefined,
          idempotencyKey: nextKey(),
        });
        stamp(entry.id, daysAgo);
        for (let spend = faker.number.int({ min: 1, max: 4 }); spend > 0; spend--) {
          const current = await manager.findOneByOrFail(Card, { id: card.id });
          const amount = Math.min(current.balance, faker.number.int({ min: 80, max: 900 }) * 100);
          if (amount <= 0) break;
          // One spend in five happens at another store of the group (跨店消费).
          const away = faker.number.int({ min: 0, max: 4 }) === 0;
          const at = away ? dealerships[(dealerships.findIndex((d) => d.id === home) + 1) % dealerships.length].id : home;
          daysAgo -= faker.number.int({ min: 3, max: 20 });
          const consumed = await cards.consume(desk.get(at) ?? staff, { cardId: card.id, amount, dealershipId: at, idempotencyKey: nextKey() });
          stamp(consumed.id, Math.max(daysAgo, 1));
        }
        if (storedValue === 5) {
          const refund = await cards.refund(staff, { cardId: card.id, reason: '客户搬家，申请退卡', dealershipId: home, idempotencyKey: nextKey() });
          stamp(refund.id, 2);
        } else if (storedValue === 7) {
          await cards.reportLost(staff, { cardId: card.id, reason: '客户遗失' });
          await cards.replace(staff, { cardId: card.id, reason: '挂失补卡' });
        }
      } else if (index % 5 === 1) {
        counted++;
        const kind = COUNT_CARDS[index % COUNT_CARDS.length];
        const card = await cards.create(staff, { memberId: member.id, type: CardType.COUNT, dealershipId: home, ...kind });
        stamp(card.id, 80);
        const used = faker.number.int({ min: 0, max: kind.uses - 1 });
        for (let use = 0; use < used; use++) {
          const entry = await cards.consume(staff, { cardId: card.id, uses: 1, dealershipId: home, idempotencyKey: nextKey() });
          stamp(entry.id, 70 - use * 6);
        }
      }
    }

    // Date the issue entries with their cards, then everything as stamped.
    const sql = dialectOf(manager);
    const issued = await manager.find(CardEntry, { where: { cardId: In(dated.map((d) => d.id)) } });
    const cardDates = new Map(dated.map((d) => [d.id, d.at]));
    for (const entry of issued) if (entry.type === 'ISSUE') dated.push({ id: entry.id, at: cardDates.get(entry.cardId)! });
    for (const { id, at } of dated) {
      await manager.query('UPDATE `card` SET `createdAt` = ? WHERE `id` = ?', [sql.dateTime(at), id]);
      await manager.query('UPDATE `card_entry` SET `createdAt` = ? WHERE `id` = ?', [sql.dateTime(at), id]);
    }
    return `${members.length} membership cards, ${storedValue} stored-value cards, ${counted} count cards`;
  },
};
