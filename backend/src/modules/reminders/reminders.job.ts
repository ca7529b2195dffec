import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fromZonedTime } from 'date-fns-tz';
import { DataSource } from 'typeorm';
import { compositeKey, dialectOf, executeUpdate, inKeyChunks, keysetAfter, readDateTime } from '../../common/database';
import { newId } from '../../common/entity';
import { addDaysToDate, localDate } from '../../common/time/calendar';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ActivityStatus, ActivityType } from '../activities/activity.enums';
import { ParticipationStatus } from '../activities/activity-participation.entity';
import { MemberBenefitStatus } from '../benefits/benefit.enums';
import { JobContext, JobHandler, JobResult } from '../jobs/job-handler';
import { JobName } from '../jobs/job-name';
import { JobRegistry } from '../jobs/job-registry';
import { MemberStatus } from '../members/member.enums';
import {
  NotificationChannel,
  NotificationStatus,
  NotificationTemplate as T,
} from '../notifications/notification.enums';
import { localeFor, MARKETING_TEMPLATES, renderTemplate } from '../notifications/templates';
import { ProgrammeRules } from '../programme/programme-rules';
import { ProgrammeService } from '../programme/programme.service';
import { releaseAfterQuietHours } from '../notifications/quiet-hours';

type Row = Record<string, unknown>;
type Data = Record<string, string | number>;

/** One reminder to queue: unique by `dedupeKey` = `reminder:<TEMPLATE>:<subject id>:<due date>`. */
export interface Reminder {
  template: T;
  memberId: string;
  recipient: string;
  subjectId: string;
  dueDate: string;
  data: Data;
}

/**
 * A kind of reminder: reads one chunk of candidates after `cursor`, walking an index over its due
 * dates (so a run reads the few percent that are due, not every vehicle or member).
 */
interface ReminderSource {
  kind: T;
  /** Candidates after the cursor, in the order of `keyOf`, at most `limit`. */
  fetch(cursor: string, limit: number): Promise<Row[]>;
  /** The walk's cursor at a row (a `compositeKey` of the index columns). */
  keyOf(row: Row): string;
  toReminders(rows: Row[]): Promise<Reminder[]> | Reminder[];
}

interface RunClock {
  asOf: Date;
  today: string;
  timeZone: string;
  rules: ProgrammeRules;
}

const NOTIFICATION_COLUMNS = [
  'id',
  'createdAt',
  'updatedAt',
  'memberId',
  'channel',
  'template',
  'recipient',
  'status',
  'dedupeKey',
  'body',
  'data',
  'scheduledAt',
  'nextAttemptAt',
  'attempts',
];
/** Rows per multi-row INSERT (×14 parameters stays well under every driver's placeholder limit). */
const INSERT_BATCH = 500;

const plateOf = (row: Row) => String(row.plateNumber || row.vin);

/**
 * Daily at 09:00 programme time: queues every reminder that is due (maintenance, inspection,
 * insurance, birthday, expiring points and benefits, events tomorrow, lapsing registrations). Each
 * kind is read in primary-key chunks with set-based SQL and queued with one multi-row INSERT that
 * skips dedupe keys already queued, so any number of runs, crashed runs or concurrent instances
 * queue each reminder once ever.
 */
@Injectable()
export class RemindersJob implements JobHandler, OnModuleInit {
  readonly name = JobName.REMINDERS;
  readonly schedule = '0 9 * * *';
  readonly description =
    'Queues due reminders: maintenance, inspection, insurance, birthdays, expiring points and benefits, events tomorrow, lapsing registrations.';

  /** Candidates read per chunk. */
  chunkSize = 1000;
  /** Test hook: throw after this many chunks have been queued (simulates a crash half-way). */
  failAfterChunks: number | null = null;

  constructor(
    private readonly registry: JobRegistry,
    private readonly programme: ProgrammeService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.registry.register(this);
  }

  async run({ asOf, heartbeat }: JobContext): Promise<JobResult> {
    const timeZone = this.config.programmeTimeZone;
    const clock: RunClock = {
      asOf,
      today: localDate(asOf, timeZone),
      timeZone,
      rules: await this.programme.rules(),
    };
    let processed = 0;
    let affected = 0;
    let chunks = 0;
    for (const source of this.sources(clock)) {
      const totals = await inKeyChunks({
        fetch: (after) => source.fetch(after, this.chunkSize),
        keyOf: (row) => source.keyOf(row),
        handle: async (rows) => {
          const queued = await this.queue(await source.toReminders(rows), clock);
          if (this.failAfterChunks !== null && ++chunks >= this.failAfterChunks) {
            throw new Error(`Simulated crash after ${chunks} chunk(s)`);
          }
          return queued;
        },
        heartbeat,
        // Chunks queue disjoint reminders (a race on one would be settled by INSERT IGNORE) and never change a source's rows.
        inFlight: dialectOf(this.dataSource).parallelChunks,
      });
      processed += totals.processed;
      affected += totals.affected;
    }
    return { processed, affected };
  }

  /** Inserts the reminders not queued before; returns how many were new. */
  private async queue(candidates: Reminder[], clock: RunClock): Promise<number> {
    const reminders = await this.notQueued(candidates);
    const sql = dialectOf(this.dataSource);
    const now = sql.dateTime(new Date());
    const immediate = sql.dateTime(clock.asOf);
    const held = sql.dateTime(releaseAfterQuietHours(clock.asOf, clock.rules.quietHours, clock.timeZone));
    let inserted = 0;
    for (let i = 0; i < reminders.length; i += INSERT_BATCH) {
      const batch = reminders.slice(i, i + INSERT_BATCH);
      const parameters: unknown[] = [];
      for (const r of batch) {
        const data: Data = { ...r.data };
        data.locale = localeFor(data);
        const scheduledAt = MARKETING_TEMPLATES.has(r.template) ? held : immediate;
        parameters.push(
          newId(),
          now,
          now,
          r.memberId,
          NotificationChannel.SMS,
          r.template,
          r.recipient,
          NotificationStatus.PENDING,
          keyOf(r),
          renderTemplate(r.template, data),
          JSON.stringify(data),
          scheduledAt,
          scheduledAt,
          0,
        );
      }
      inserted += await executeUpdate(
        this.dataSource,
        sql.insertIgnore('notification', NOTIFICATION_COLUMNS, batch.length),
        parameters,
      );
    }
    return inserted;
  }

  /**
   * Leaves out the reminders already queued, read through the dedupe key's index: a daily run finds
   * most of a window's reminders queued on earlier days, and a duplicate costs InnoDB an insert and
   * its undo under INSERT IGNORE. The INSERT IGNORE still settles a race with a concurrent run.
   */
  private async notQueued(reminders: Reminder[]): Promise<Reminder[]> {
    if (!reminders.length) return reminders;
    const keys = reminders.map(keyOf);
    const queued = new Set<string>();
    for (let i = 0; i < keys.length; i += INSERT_BATCH) {
      const batch = keys.slice(i, i + INSERT_BATCH);
      const rows: { dedupeKey: string }[] = await this.dataSource.query(
        `SELECT \`dedupeKey\` FROM \`notification\` WHERE \`dedupeKey\` IN (${batch.map(() => '?').join(', ')})`,
        batch,
      );
      for (const row of rows) queued.add(row.dedupeKey);
    }
    return queued.size ? reminders.filter((_, i) => !queued.has(keys[i])) : reminders;
  }

  private sources(clock: RunClock): ReminderSource[] {
    const { asOf, today, timeZone, rules } = clock;
    const lead = rules.reminderLeadDays;
    const sql = dialectOf(this.dataSource);
    const q = (text: string, parameters: unknown[]) =>
      this.dataSource.query(text, parameters) as Promise<Row[]>;
    const day = 86_400_000;
    /** A DateTime cursor value (kept as ISO text) back into a query parameter. */
    const instant = (value: string | number) => sql.dateTime(new Date(value));
    const iso = (value: unknown) => readDateTime(value)!.toISOString();

    // Vehicles by due date through the column's index: (due date, id) order.
    const vehicleDue = (kind: T, column: string, leadDays: number): ReminderSource => ({
      kind,
      keyOf: (row) => compositeKey([String(row.due), String(row.id)]),
      fetch: (cursor, limit) => {
        const after = keysetAfter([`v.${column}`, 'v.id'], cursor);
        return q(
          `SELECT v.id, v.plateNumber, v.vin, v.${column} AS due, m.id AS memberId, m.name, m.phone
           FROM vehicle v JOIN member m ON m.id = v.memberId
           WHERE v.${column} >= ? AND v.${column} <= ? AND ${after.sql} AND m.status = ?
           ORDER BY v.${column}, v.id LIMIT ${limit}`,
          [today, addDaysToDate(today, leadDays), ...after.parameters, MemberStatus.ACTIVE],
        );
      },
      toReminders: (rows) =>
        rows.map((row) => ({
          template: kind,
          memberId: String(row.memberId),
          recipient: String(row.phone),
          subjectId: String(row.id),
          dueDate: String(row.due),
          data: { name: String(row.name), plate: plateOf(row), dueDate: String(row.due) },
        })),
    });

    // Birthdays: today's month-day; 29 February is greeted on 28 February in common years. Read
    // through the birthday index as that date in every birth year of the last 130.
    const monthDay = today.slice(5);
    const monthDays = monthDay === '02-28' && addDaysToDate(today, 1).slice(5) === '03-01' ? [monthDay, '02-29'] : [monthDay];
    const thisYear = Number(today.slice(0, 4));
    const birthdays = Array.from({ length: 131 }, (_, i) => thisYear - i).flatMap((year) =>
      monthDays.map((md) => `${year}-${md}`),
    );
    const birthday: ReminderSource = {
      kind: T.BIRTHDAY,
      keyOf: (row) => compositeKey([String(row.birthday), String(row.id)]),
      fetch: (cursor, limit) => {
        const after = keysetAfter(['birthday', 'id'], cursor);
        return q(
          `SELECT id, birthday, name, phone FROM member
           WHERE birthday IN (${birthdays.map(() => '?').join(', ')}) AND ${after.sql} AND status = ? AND marketingConsent = 1
           ORDER BY birthday, id LIMIT ${limit}`,
          [...birthdays, ...after.parameters, MemberStatus.ACTIVE],
        );
      },
      toReminders: (rows) =>
        rows.map((row) => ({
          template: T.BIRTHDAY,
          memberId: String(row.id),
          recipient: String(row.phone),
          subjectId: String(row.id),
          dueDate: today,
          data: { name: String(row.name), date: today },
        })),
    };

    // Points: per member and expiry instant (lots earned in one month expire together), from the
    // open lots' (expiredAt, expiresAt, memberId) index.
    const pointsTo = new Date(asOf.getTime() + lead.pointsExpiring * day);
    const pointsExpiring: ReminderSource = {
      kind: T.POINTS_EXPIRING,
      keyOf: (row) => compositeKey([iso(row.expiresAt), String(row.memberId)]),
      fetch: (cursor, limit) => {
        const after = keysetAfter(['expiresAt', 'memberId'], cursor, (value, column) => (column === 0 ? instant(value) : value));
        return q(
          `SELECT memberId, expiresAt, SUM(remaining) AS points FROM points_lot
           WHERE expiredAt IS NULL AND expiresAt > ? AND expiresAt <= ? AND ${after.sql}
           GROUP BY expiresAt, memberId ORDER BY expiresAt, memberId LIMIT ${limit}`,
          [sql.dateTime(asOf), sql.dateTime(pointsTo), ...after.parameters],
        );
      },
      toReminders: async (rows) => {
        const due = rows.filter((row) => Number(row.points) > 0);
        if (!due.length) return [];
        const ids = [...new Set(due.map((row) => String(row.memberId)))];
        const members = await q(
          `SELECT id, name, phone FROM member WHERE id IN (${ids.map(() => '?').join(', ')}) AND status = ?`,
          [...ids, MemberStatus.ACTIVE],
        );
        const byId = new Map(members.map((m) => [String(m.id), m]));
        return due.flatMap((row) => {
          const member = byId.get(String(row.memberId));
          if (!member) return [];
          const expiresOn = localDate(readDateTime(row.expiresAt)!, timeZone);
          return [
            {
              template: T.POINTS_EXPIRING,
              memberId: String(row.memberId),
              recipient: String(member.phone),
              subjectId: String(row.memberId),
              dueDate: expiresOn,
              data: { name: String(member.name), points: Number(row.points), expiresOn },
            },
          ];
        });
      },
    };

    // Entitlements by period end through the (status, periodEnd) index.
    const benefitExpiring: ReminderSource = {
      kind: T.BENEFIT_EXPIRING,
      keyOf: (row) => compositeKey([iso(row.periodEnd), String(row.id)]),
      fetch: (cursor, limit) => {
        const after = keysetAfter(['mb.periodEnd', 'mb.id'], cursor, (value, column) => (column === 0 ? instant(value) : value));
        return q(
          `SELECT mb.id, mb.memberId, mb.periodEnd, b.name AS benefit, m.name, m.phone
           FROM member_benefit mb JOIN benefit b ON b.id = mb.benefitId JOIN member m ON m.id = mb.memberId
           WHERE mb.status = ? AND mb.periodEnd > ? AND mb.periodEnd <= ? AND ${after.sql} AND mb.used < mb.quota AND m.status = ?
           ORDER BY mb.periodEnd, mb.id LIMIT ${limit}`,
          [
            MemberBenefitStatus.ACTIVE,
            sql.dateTime(asOf),
            sql.dateTime(new Date(asOf.getTime() + lead.benefitExpiring * day)),
            ...after.parameters,
            MemberStatus.ACTIVE,
          ],
        );
      },
      toReminders: (rows) =>
        rows.map((row) => {
          const expiresOn = localDate(readDateTime(row.periodEnd)!, timeZone);
          return {
            template: T.BENEFIT_EXPIRING,
            memberId: String(row.memberId),
            recipient: String(row.phone),
            subjectId: String(row.id),
            dueDate: expiresOn,
            data: { name: String(row.name), benefit: String(row.benefit), expiresOn },
          };
        }),
    };

    // Events starting tomorrow (programme time): their registrants who consented.
    const tomorrow = addDaysToDate(today, 1);
    // The few events starting tomorrow first, then their registrants through (activityId, memberId).
    let events: Promise<string[]> | null = null;
    const eventsTomorrow = () =>
      (events ??= q(
        `SELECT id FROM activity WHERE type = ? AND status IN (?, ?) AND startsAt >= ? AND startsAt < ?`,
        [
          ActivityType.EVENT,
          ActivityStatus.SCHEDULED,
          ActivityStatus.ACTIVE,
          sql.dateTime(fromZonedTime(`${tomorrow}T00:00:00`, timeZone)),
          sql.dateTime(fromZonedTime(`${addDaysToDate(tomorrow, 1)}T00:00:00`, timeZone)),
        ],
      ).then((rows) => rows.map((row) => String(row.id))));
    const activityStarting: ReminderSource = {
      kind: T.ACTIVITY_STARTING,
      keyOf: (row) => compositeKey([String(row.activityId), String(row.memberId)]),
      fetch: async (cursor, limit) => {
        const ids = await eventsTomorrow();
        if (!ids.length) return [];
        const after = keysetAfter(['p.activityId', 'p.memberId'], cursor);
        return q(
          `SELECT p.memberId, a.id AS activityId, a.name AS activity, a.startsAt, m.name, m.phone
           FROM activity_participation p JOIN activity a ON a.id = p.activityId JOIN member m ON m.id = p.memberId
           WHERE p.activityId IN (${ids.map(() => '?').join(', ')}) AND ${after.sql} AND p.status = ?
             AND m.status = ? AND m.marketingConsent = 1
           ORDER BY p.activityId, p.memberId LIMIT ${limit}`,
          [...ids, ...after.parameters, ParticipationStatus.REGISTERED, MemberStatus.ACTIVE],
        );
      },
      toReminders: (rows) =>
        rows.map((row) => {
          const startsAt = readDateTime(row.startsAt)!;
          return {
            template: T.ACTIVITY_STARTING,
            memberId: String(row.memberId),
            recipient: String(row.phone),
            subjectId: `${String(row.activityId)}:${String(row.memberId)}`,
            dueDate: localDate(startsAt, timeZone),
            data: {
              name: String(row.name),
              activity: String(row.activity),
              startsAt: formatLocal(startsAt, timeZone),
            },
          };
        }),
    };

    // Online registrations lapse `activationLapseDays` after they were made: remind in the last days.
    const lapseMs = rules.activationLapseDays * day;
    const activationLapsing: ReminderSource = {
      kind: T.ACTIVATION_LAPSING,
      keyOf: (row) => String(row.id),
      fetch: (cursor, limit) =>
        q(
          `SELECT id, name, phone, createdAt FROM member WHERE id > ? AND status = ? AND createdAt > ? AND createdAt <= ? ORDER BY id LIMIT ${limit}`,
          [
            cursor,
            MemberStatus.PENDING_ACTIVATION,
            sql.dateTime(new Date(asOf.getTime() - lapseMs)),
            sql.dateTime(new Date(asOf.getTime() - lapseMs + lead.activationLapsing * day)),
          ],
        ),
      toReminders: (rows) =>
        rows.map((row) => {
          const lapsesOn = localDate(new Date(readDateTime(row.createdAt)!.getTime() + lapseMs), timeZone);
          return {
            template: T.ACTIVATION_LAPSING,
            memberId: String(row.id),
            recipient: String(row.phone),
            subjectId: String(row.id),
            dueDate: lapsesOn,
            data: { name: String(row.name), lapsesOn },
          };
        }),
    };

    return [
      vehicleDue(T.MAINTENANCE_DUE, 'nextServiceDueDate', lead.maintenance),
      vehicleDue(T.INSPECTION_DUE, 'inspectionDueDate', lead.inspection),
      vehicleDue(T.INSURANCE_DUE, 'insuranceExpiryDate', lead.insurance),
      birthday,
      pointsExpiring,
      benefitExpiring,
      activityStarting,
      activationLapsing,
    ];
  }
}

const keyOf = (r: Reminder) => reminderKey(r.template, r.subjectId, r.dueDate);

/** The dedupe key of a reminder: one per kind, subject (vehicle, member, entitlement…) and due date, ever. */
export function reminderKey(template: T, subjectId: string, dueDate: string): string {
  return `reminder:${template}:${subjectId}:${dueDate}`;
}

function formatLocal(instant: Date, timeZone: string): string {
  return `${localDate(instant, timeZone)} ${new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(instant)}`;
}
