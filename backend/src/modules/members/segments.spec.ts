import { DEFAULT_PROGRAMME_RULES } from '../programme/programme-rules';
import { MemberSegment } from './member.enums';
import { dormantSince, lastActivityOf, rfmScores, SegmentFigures, segmentOf } from './segments';

const rules = DEFAULT_PROGRAMME_RULES.segmentRules;
const DAY = 86_400_000;
const asOf = new Date('2026-06-30T16:00:00.000Z');
const daysAgo = (days: number) => new Date(asOf.getTime() - days * DAY);
const YUAN = 100;

/** A member who joined long ago, with the given last paid transaction and 12-month figures. */
const figures = (over: Partial<SegmentFigures> = {}): SegmentFigures => ({
  joinedAt: daysAgo(1000),
  lastPaidAt: daysAgo(10),
  frequency: 1,
  monetary: 100 * YUAN,
  ...over,
});

describe('segmentOf', () => {
  describe('NEW: joined in the last 90 days, nothing paid yet', () => {
    it('is NEW up to just under 90 days after joining', () => {
      expect(
        segmentOf(figures({ joinedAt: asOf, lastPaidAt: null, frequency: 0, monetary: 0 }), asOf, rules),
      ).toBe(MemberSegment.NEW);
      expect(
        segmentOf(figures({ joinedAt: new Date(daysAgo(90).getTime() + 1), lastPaidAt: null }), asOf, rules),
      ).toBe(MemberSegment.NEW);
    });

    it('is AT_RISK from exactly 90 days after joining without paying, DORMANT after 180', () => {
      expect(segmentOf(figures({ joinedAt: daysAgo(90), lastPaidAt: null }), asOf, rules)).toBe(
        MemberSegment.AT_RISK,
      );
      expect(segmentOf(figures({ joinedAt: daysAgo(180), lastPaidAt: null }), asOf, rules)).toBe(
        MemberSegment.AT_RISK,
      );
      expect(
        segmentOf(figures({ joinedAt: new Date(daysAgo(180).getTime() - 1), lastPaidAt: null }), asOf, rules),
      ).toBe(MemberSegment.DORMANT);
    });

    it('is not NEW once a paid transaction exists, however recent the joining', () => {
      expect(segmentOf(figures({ joinedAt: daysAgo(5), lastPaidAt: daysAgo(1) }), asOf, rules)).toBe(
        MemberSegment.POTENTIAL,
      );
    });
  });

  describe('by the last paid transaction', () => {
    it('DORMANT when more than 180 days ago; AT_RISK from 90 to 180 days inclusive', () => {
      expect(
        segmentOf(
          figures({ lastPaidAt: new Date(daysAgo(180).getTime() - 1), frequency: 0, monetary: 0 }),
          asOf,
          rules,
        ),
      ).toBe(MemberSegment.DORMANT);
      expect(segmentOf(figures({ lastPaidAt: daysAgo(180), frequency: 1 }), asOf, rules)).toBe(
        MemberSegment.AT_RISK,
      );
      expect(
        segmentOf(figures({ lastPaidAt: daysAgo(90), frequency: 10, monetary: 100_000 * YUAN }), asOf, rules),
      ).toBe(MemberSegment.AT_RISK);
      expect(
        segmentOf(
          figures({
            lastPaidAt: new Date(daysAgo(90).getTime() + 1),
            frequency: 10,
            monetary: 100_000 * YUAN,
          }),
          asOf,
          rules,
        ),
      ).toBe(
        MemberSegment.LOYAL, // 1 + 3 + 3
      );
    });

    it('a recently joined member whose only transactions are older than 180 days is DORMANT', () => {
      expect(segmentOf(figures({ joinedAt: daysAgo(10), lastPaidAt: daysAgo(200) }), asOf, rules)).toBe(
        MemberSegment.DORMANT,
      );
    });
  });

  describe('RFM over 12 months', () => {
    it('scores recency 3 up to 30 days, 2 up to 60, then 1', () => {
      expect(rfmScores(figures({ lastPaidAt: daysAgo(30) }), asOf, rules).recency).toBe(3);
      expect(
        rfmScores(figures({ lastPaidAt: new Date(daysAgo(30).getTime() - 1) }), asOf, rules).recency,
      ).toBe(2);
      expect(rfmScores(figures({ lastPaidAt: daysAgo(60) }), asOf, rules).recency).toBe(2);
      expect(
        rfmScores(figures({ lastPaidAt: new Date(daysAgo(60).getTime() - 1) }), asOf, rules).recency,
      ).toBe(1);
    });

    it('scores frequency 1 below 3 transactions, 2 from 3, 3 from 6', () => {
      expect(
        [1, 2, 3, 5, 6, 20].map((frequency) => rfmScores(figures({ frequency }), asOf, rules).frequency),
      ).toEqual([1, 1, 2, 2, 3, 3]);
    });

    it('scores monetary 1 below ¥5,000, 2 from ¥5,000, 3 from ¥20,000', () => {
      const amounts = [1, 5_000 * YUAN - 1, 5_000 * YUAN, 20_000 * YUAN - 1, 20_000 * YUAN];
      expect(amounts.map((monetary) => rfmScores(figures({ monetary }), asOf, rules).monetary)).toEqual([
        1, 1, 2, 2, 3,
      ]);
    });

    it('CHAMPION from a total of 8, LOYAL from 6, for repeat customers; POTENTIAL otherwise', () => {
      const at = (lastDays: number, frequency: number, monetaryYuan: number) =>
        segmentOf(
          figures({ lastPaidAt: daysAgo(lastDays), frequency, monetary: monetaryYuan * YUAN }),
          asOf,
          rules,
        );
      expect(at(10, 6, 20_000)).toBe(MemberSegment.CHAMPION); // 3+3+3
      expect(at(10, 6, 5_000)).toBe(MemberSegment.CHAMPION); // 3+3+2
      expect(at(45, 3, 20_000)).toBe(MemberSegment.LOYAL); // 2+2+3 = 7
      expect(at(45, 6, 1_000)).toBe(MemberSegment.LOYAL); // 2+3+1 = 6
    });

    it('boundaries of the totals', () => {
      const at = (lastDays: number, frequency: number, monetaryYuan: number) =>
        segmentOf(
          figures({ lastPaidAt: daysAgo(lastDays), frequency, monetary: monetaryYuan * YUAN }),
          asOf,
          rules,
        );
      expect(at(45, 3, 20_000)).toBe(MemberSegment.LOYAL); // 7
      expect(at(45, 6, 5_000)).toBe(MemberSegment.LOYAL); // 2+3+2 = 7
      expect(at(10, 3, 20_000)).toBe(MemberSegment.CHAMPION); // 3+2+3 = 8
      expect(at(70, 3, 20_000)).toBe(MemberSegment.LOYAL); // 1+2+3 = 6
      expect(at(70, 3, 5_000)).toBe(MemberSegment.POTENTIAL); // 1+2+2 = 5
      expect(at(10, 1, 1_000)).toBe(MemberSegment.POTENTIAL); // 3+1+1
    });

    it('a one-off purchase, however large and recent, is POTENTIAL (frequency 1)', () => {
      expect(
        segmentOf(figures({ lastPaidAt: daysAgo(1), frequency: 1, monetary: 300_000 * YUAN }), asOf, rules),
      ).toBe(MemberSegment.POTENTIAL);
      expect(
        segmentOf(figures({ lastPaidAt: daysAgo(1), frequency: 2, monetary: 300_000 * YUAN }), asOf, rules),
      ).toBe(MemberSegment.POTENTIAL);
    });

    it('follows configured thresholds', () => {
      const strict = { ...rules, championScore: 9, loyalScore: 8 };
      const f = figures({ lastPaidAt: daysAgo(10), frequency: 6, monetary: 5_000 * YUAN });
      expect(segmentOf(f, asOf, strict)).toBe(MemberSegment.LOYAL);
      expect(segmentOf(f, asOf, { ...strict, loyalScore: 9 })).toBe(MemberSegment.POTENTIAL);
    });
  });

  describe('dormancy spell', () => {
    it('starts 180 days after the last activity', () => {
      expect(lastActivityOf({ joinedAt: daysAgo(400), lastPaidAt: null })).toEqual(daysAgo(400));
      expect(dormantSince({ joinedAt: daysAgo(400), lastPaidAt: daysAgo(200) }, rules)).toEqual(daysAgo(20));
      expect(dormantSince({ joinedAt: daysAgo(400), lastPaidAt: null }, rules)).toEqual(daysAgo(220));
    });
  });
});
