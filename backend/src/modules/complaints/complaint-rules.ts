import { formatInTimeZone } from 'date-fns-tz';
import { ComplaintSla, DEFAULT_PROGRAMME_RULES } from '../programme/programme-rules';
import { ComplaintPriority, ComplaintStatus } from './complaint.enums';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** RESOLVED and CLOSED complaints are done: never overdue, never escalated. */
export const DONE_STATUSES: readonly ComplaintStatus[] = [ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED];

/** The SLA due times of a complaint filed at `createdAt` with `priority` (投诉时效). */
export function dueTimes(
  createdAt: Date,
  priority: ComplaintPriority,
  sla: ComplaintSla | undefined,
): { acknowledgeDueAt: Date; resolveDueAt: Date } {
  const defaults = DEFAULT_PROGRAMME_RULES.complaintSla;
  // A stored setting may name only some priorities: the defaults fill in the rest.
  const minutes = sla?.acknowledgeMinutes?.[priority] ?? defaults.acknowledgeMinutes[priority];
  const hours = sla?.resolveHours?.[priority] ?? defaults.resolveHours[priority];
  return {
    acknowledgeDueAt: new Date(createdAt.getTime() + minutes * MINUTE),
    resolveDueAt: new Date(createdAt.getTime() + hours * HOUR),
  };
}

export interface SlaState {
  status: ComplaintStatus;
  acknowledgeDueAt: Date;
  resolveDueAt: Date;
}

/**
 * Overdue (超时): not yet RESOLVED or CLOSED, and past its resolution time, or still OPEN past its
 * acknowledgement time.
 */
export function isOverdue(complaint: SlaState, now: Date): boolean {
  if (DONE_STATUSES.includes(complaint.status)) return false;
  if (now.getTime() > complaint.resolveDueAt.getTime()) return true;
  return complaint.status === ComplaintStatus.OPEN && now.getTime() > complaint.acknowledgeDueAt.getTime();
}

/** The escalation levels a complaint has newly reached at `asOf`, lowest first (each level once). */
export function escalationsDue(complaint: SlaState & { escalationLevel: number }, asOf: Date): (1 | 2)[] {
  if (DONE_STATUSES.includes(complaint.status)) return [];
  const levels: (1 | 2)[] = [];
  if (
    complaint.escalationLevel < 1 &&
    complaint.status === ComplaintStatus.OPEN &&
    complaint.acknowledgeDueAt.getTime() <= asOf.getTime()
  ) {
    levels.push(1);
  }
  if (complaint.escalationLevel < 2 && complaint.resolveDueAt.getTime() <= asOf.getTime()) levels.push(2);
  return levels;
}

/** Statuses each step may start from; any other is INVALID_STATE. */
export const STEP_FROM: Record<
  'acknowledge' | 'assign' | 'note' | 'resolve' | 'close' | 'reopen' | 'update',
  readonly ComplaintStatus[]
> = {
  acknowledge: [ComplaintStatus.OPEN],
  assign: [ComplaintStatus.OPEN, ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.IN_PROGRESS],
  note: [
    ComplaintStatus.OPEN,
    ComplaintStatus.ACKNOWLEDGED,
    ComplaintStatus.IN_PROGRESS,
    ComplaintStatus.RESOLVED,
  ],
  resolve: [ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.IN_PROGRESS],
  close: [ComplaintStatus.RESOLVED],
  reopen: [ComplaintStatus.RESOLVED],
  update: [
    ComplaintStatus.OPEN,
    ComplaintStatus.ACKNOWLEDGED,
    ComplaintStatus.IN_PROGRESS,
    ComplaintStatus.RESOLVED,
  ],
};

/** Ticket numbers: TS + the programme-time-zone date (yyyyMMdd) + '-' + a daily sequence of at least 4 digits. */
export function ticketPrefix(createdAt: Date, timeZone: string): string {
  return `TS${formatInTimeZone(createdAt, timeZone, 'yyyyMMdd')}-`;
}

export function ticketNo(prefix: string, sequence: number): string {
  return `${prefix}${String(sequence).padStart(4, '0')}`;
}

/** The sequence of a ticket number with the given prefix (0 when there is none yet). */
export function sequenceOf(ticket: string | null | undefined, prefix: string): number {
  if (!ticket || !ticket.startsWith(prefix)) return 0;
  const n = Number(ticket.slice(prefix.length));
  return Number.isInteger(n) ? n : 0;
}

/** Lifecycle order of the statuses, for sorting (not alphabetical). */
export const STATUS_RANK: Record<ComplaintStatus, number> = {
  [ComplaintStatus.OPEN]: 1,
  [ComplaintStatus.ACKNOWLEDGED]: 2,
  [ComplaintStatus.IN_PROGRESS]: 3,
  [ComplaintStatus.RESOLVED]: 4,
  [ComplaintStatus.CLOSED]: 5,
};

/** Urgency order of the priorities, for sorting. */
export const PRIORITY_RANK: Record<ComplaintPriority, number> = {
  [ComplaintPriority.LOW]: 1,
  [ComplaintPriority.NORMAL]: 2,
  [ComplaintPriority.HIGH]: 3,
  [ComplaintPriority.URGENT]: 4,
};

/** `CASE column WHEN 'A' THEN 1 … END` over a rank table (values are enum constants, never input). */
export function rankExpression(column: string, ranks: Record<string, number>): string {
  return `CASE ${column} ${Object.entries(ranks)
    .map(([value, rank]) => `WHEN '${value}' THEN ${rank}`)
    .join(' ')} ELSE 0 END`;
}
