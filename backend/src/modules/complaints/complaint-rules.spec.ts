import { DEFAULT_PROGRAMME_RULES } from '../programme/programme-rules';
import { escalationRecipients } from './complaints.service';
import { dueTimes, escalationsDue, isOverdue, sequenceOf, ticketNo, ticketPrefix } from './complaint-rules';
import { ComplaintPriority as P, ComplaintStatus as S } from './complaint.enums';
import { StaffRole } from '../../common/auth';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = new Date('2026-11-22T15:50:00.000Z');

describe('complaint rules', () => {
  it('sets the SLA from filing by priority: acknowledge 30 min (URGENT 15), resolve 48 h (URGENT 24, LOW 120)', () => {
    const sla = DEFAULT_PROGRAMME_RULES.complaintSla;
    const gaps = (p: P) => {
      const d = dueTimes(at, p, sla);
      return [
        (d.acknowledgeDueAt.getTime() - at.getTime()) / MINUTE,
        (d.resolveDueAt.getTime() - at.getTime()) / HOUR,
      ];
    };
    expect(gaps(P.LOW)).toEqual([30, 120]);
    expect(gaps(P.NORMAL)).toEqual([30, 48]);
    expect(gaps(P.HIGH)).toEqual([30, 48]);
    expect(gaps(P.URGENT)).toEqual([15, 24]);
  });

  it('takes configured numbers, the defaults filling in what a setting leaves out', () => {
    const partial = { acknowledgeMinutes: { URGENT: 5 }, resolveHours: {} } as never;
    const d = dueTimes(at, P.URGENT, partial);
    expect(d.acknowledgeDueAt.getTime() - at.getTime()).toBe(5 * MINUTE);
    expect(d.resolveDueAt.getTime() - at.getTime()).toBe(24 * HOUR);
    expect(dueTimes(at, P.LOW, undefined).resolveDueAt.getTime() - at.getTime()).toBe(120 * HOUR);
  });

  it('is overdue when unresolved past resolution, or OPEN past acknowledgement', () => {
    const c = {
      acknowledgeDueAt: new Date(at.getTime() + 30 * MINUTE),
      resolveDueAt: new Date(at.getTime() + 48 * HOUR),
    };
    const later = (ms: number) => new Date(at.getTime() + ms);
    expect(isOverdue({ ...c, status: S.OPEN }, later(30 * MINUTE))).toBe(false);
    expect(isOverdue({ ...c, status: S.OPEN }, later(31 * MINUTE))).toBe(true);
    expect(isOverdue({ ...c, status: S.ACKNOWLEDGED }, later(31 * MINUTE))).toBe(false);
    expect(isOverdue({ ...c, status: S.IN_PROGRESS }, later(49 * HOUR))).toBe(true);
    expect(isOverdue({ ...c, status: S.RESOLVED }, later(49 * HOUR))).toBe(false);
    expect(isOverdue({ ...c, status: S.CLOSED }, later(200 * HOUR))).toBe(false);
  });

  it('escalates each level once: 1 for a missed acknowledgement, 2 for a missed resolution, both at once', () => {
    const c = {
      acknowledgeDueAt: new Date(at.getTime() + 30 * MINUTE),
      resolveDueAt: new Date(at.getTime() + 48 * HOUR),
    };
    const later = (ms: number) => new Date(at.getTime() + ms);
    expect(escalationsDue({ ...c, status: S.OPEN, escalationLevel: 0 }, later(29 * MINUTE))).toEqual([]);
    expect(escalationsDue({ ...c, status: S.OPEN, escalationLevel: 0 }, later(30 * MINUTE))).toEqual([1]);
    expect(escalationsDue({ ...c, status: S.OPEN, escalationLevel: 1 }, later(31 * MINUTE))).toEqual([]);
    expect(escalationsDue({ ...c, status: S.ACKNOWLEDGED, escalationLevel: 0 }, later(HOUR))).toEqual([]);
    expect(escalationsDue({ ...c, status: S.OPEN, escalationLevel: 0 }, later(48 * HOUR))).toEqual([1, 2]);
    expect(escalationsDue({ ...c, status: S.IN_PROGRESS, escalationLevel: 0 }, later(48 * HOUR))).toEqual([
      2,
    ]);
    expect(escalationsDue({ ...c, status: S.IN_PROGRESS, escalationLevel: 2 }, later(99 * HOUR))).toEqual([]);
    expect(escalationsDue({ ...c, status: S.RESOLVED, escalationLevel: 0 }, later(99 * HOUR))).toEqual([]);
  });

  it('numbers tickets TS + the programme-time-zone date + a 4-digit daily sequence', () => {
    // 15:50 UTC is 23:50 in Shanghai; 16:10 UTC is already the next day there.
    expect(ticketPrefix(at, 'Asia/Shanghai')).toBe('TS20261122-');
    expect(ticketPrefix(new Date('2026-11-22T16:10:00Z'), 'Asia/Shanghai')).toBe('TS20261123-');
    expect(ticketNo('TS20261122-', 7)).toBe('TS20261122-0007');
    expect(ticketNo('TS20261122-', 12345)).toBe('TS20261122-12345');
    expect(sequenceOf('TS20261122-0007', 'TS20261122-')).toBe(7);
    expect(sequenceOf(undefined, 'TS20261122-')).toBe(0);
  });

  it('tells the store first, then group customer service (group admins when there is none)', () => {
    const staff = [
      { id: 's1', role: StaffRole.STORE_STAFF, dealershipId: 'A' },
      { id: 'm1', role: StaffRole.ADMIN, dealershipId: 'A' },
      { id: 'c1', role: StaffRole.CUSTOMER_SERVICE, dealershipId: null },
      { id: 'g1', role: StaffRole.ADMIN, dealershipId: null },
    ];
    expect(escalationRecipients(staff, 1, 'A').map((s) => s.id)).toEqual(['s1', 'm1']);
    expect(escalationRecipients(staff, 1, 'B').map((s) => s.id)).toEqual(['c1']);
    expect(escalationRecipients(staff, 2, 'A').map((s) => s.id)).toEqual(['c1']);
    expect(
      escalationRecipients(
        staff.filter((s) => s.id !== 'c1'),
        2,
        'A',
      ).map((s) => s.id),
    ).toEqual(['g1']);
  });
});
