import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { fromZonedTime } from 'date-fns-tz';
import { DataSource } from 'typeorm';
import { dialectOf, executeUpdate, inKeyChunks, readDateTime } from '../../common/database';
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

/** A kind of reminder: reads one primary-key chunk of candidates after `cursor`. */
interface ReminderSource {
  kind: T;
  /** Candidates after the cursor, ordered by `key`, at most `limit`. */
  fetch(cursor: string, limit: number): Promise<Row[]>;
  key: string;
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
        keyOf: (row) => String(row[source.key]),
        handle: async (rows) => {
          const queued = await this.queue(await source.toReminders(rows), clock);
          if (this.failAfterChunks !== null && ++chunks >= this.failAfterChunks) {
            throw new Error(`Simulated crash after ${chunks} chunk(s)`);
          }
          return queued;
        },
        heartbeat,
      });
      processed += totals.processed;
      affected += totals.affected;
    }
    return { processed, affected };
  }

  /** Inserts the reminders not queued before; returns how many were new. */
  private async queue(reminders: Reminder[], clock: RunClock): Promise<number> {
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
          reminderKey(r.template, r.subjectId, r.dueDate),
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

  private sources(clock: RunClock): ReminderSource[] {
    const { asOf, today, timeZone, rules } = clock;
    const lead = rules.reminderLeadDays;
    const sql = dialectOf(this.dataSource);
    const q = (text: string, parameters: unknown[]) =>
      this.dataSource.query(text, parameters) as Promise<Row[]>;
    const day = 86_400_000;

    const vehicleDue = (kind: T, column: string, leadDays: number): ReminderSource => ({
      kind,
      key: 'id',
      fetch: (cursor, limit) =>
        q(
          `SELECT v.id, v.plateNumber, v.vin, v.${column} AS due, m.id AS memberId, m.name, m.phone
           FROM vehicle v JOIN member m ON m.id = v.memberId
           WHERE v.id > ? AND v.${column} >= ? AND v.${column} <= ? AND m.status = ?
           ORDER BY v.id LIMIT ${limit}`,
          [cursor, today, addDaysToDate(today, leadDays), MemberStatus.ACTIVE],
        ),
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

    // Birthdays: today's month-day; 29 February is greeted on 28 February in common years.
    const monthDay = today.slice(5);
    const leapDay = monthDay === '02-28' && addDaysToDate(today, 1).slice(5) === '03-01' ? '02-29' : monthDay;
    const birthday: ReminderSource = {
      kind: T.BIRTHDAY,
      key: 'id',
      fetch: (cursor, limit) =>
        q(
          `SELECT id, name, phone FROM member
           WHERE id > ? AND status = ? AND marketingConsent = 1 AND birthday IS NOT NULL AND SUBSTR(birthday, 6, 5) IN (?, ?)
           ORDER BY id LIMIT ${limit}`,
          [cursor, MemberStatus.ACTIVE, monthDay, leapDay],
        ),
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

    // Points: per member and expiry instant (lots earned in one month expire together).
    const pointsTo = new Date(asOf.getTime() + lead.pointsExpiring * day);
    const lotWindow = '`expiredAt` IS NULL AND `remaining` > 0 AND `expiresAt` > ? AND `expiresAt` <= ?';
    const pointsExpiring: ReminderSource = {
      kind: T.POINTS_EXPIRING,
      key: 'memberId',
      fetch: (cursor, limit) =>
        q(
          `SELECT DISTINCT memberId FROM points_lot WHERE memberId > ? AND ${lotWindow} ORDER BY memberId LIMIT ${limit}`,
          [cursor, sql.dateTime(asOf), sql.dateTime(pointsTo)],
        ),
      toReminders: async (rows) => {
        const ids = rows.map((row) => String(row.memberId));
        const groups = await q(
          `SELECT l.memberId, l.expiresAt, SUM(l.remaining) AS points, m.name, m.phone
           FROM points_lot l JOIN member m ON m.id = l.memberId
           WHERE l.memberId IN (${ids.map(() => '?').join(', ')}) AND ${lotWindow.replace(/`(\w+)`/g, 'l.`$1`')} AND m.status = ?
           GROUP BY l.memberId, l.expiresAt, m.name, m.phone`,
          [...ids, sql.dateTime(asOf), sql.dateTime(pointsTo), MemberStatus.ACTIVE],
        );
        return groups.map((row) => {
          const expiresOn = localDate(readDateTime(row.expiresAt)!, timeZone);
          return {
            template: T.POINTS_EXPIRING,
            memberId: String(row.memberId),
            recipient: String(row.phone),
            subjectId: String(row.memberId),
            dueDate: expiresOn,
            data: { name: String(row.name), points: Number(row.points), expiresOn },
          };
        });
      },
    };

    const benefitExpiring: ReminderSource = {
      kind: T.BENEFIT_EXPIRING,
      key: 'id',
      fetch: (cursor, limit) =>
        q(
          `SELECT mb.id, mb.memberId, mb.periodEnd, b.name AS benefit, m.name, m.phone
           FROM member_benefit mb JOIN benefit b ON b.id = mb.benefitId JOIN member m ON m.id = mb.memberId
           WHERE mb.id > ? AND mb.status = ? AND mb.used < mb.quota AND mb.periodEnd > ? AND mb.periodEnd <= ? AND m.status = ?
           ORDER BY mb.id LIMIT ${limit}`,
          [
            cursor,
            MemberBenefitStatus.ACTIVE,
            sql.dateTime(asOf),
            sql.dateTime(new Date(asOf.getTime() + lead.benefitExpiring * day)),
            MemberStatus.ACTIVE,
          ],
        ),
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
    const activityStarting: ReminderSource = {
      kind: T.ACTIVITY_STARTING,
      key: 'id',
      fetch: (cursor, limit) =>
        q(
          `SELECT p.id, p.memberId, a.id AS activityId, a.name AS activity, a.startsAt, m.name, m.phone
           FROM activity_participation p JOIN activity a ON a.id = p.activityId JOIN member m ON m.id = p.memberId
           WHERE p.id > ? AND p.status = ? AND a.type = ? AND a.status IN (?, ?) AND a.startsAt >= ? AND a.startsAt < ?
             AND m.status = ? AND m.marketingConsent = 1
           ORDER BY p.id LIMIT ${limit}`,
          [
            cursor,
            ParticipationStatus.REGISTERED,
            ActivityType.EVENT,
            ActivityStatus.SCHEDULED,
            ActivityStatus.ACTIVE,
            sql.dateTime(fromZonedTime(`${tomorrow}T00:00:00`, timeZone)),
            sql.dateTime(fromZonedTime(`${addDaysToDate(tomorrow, 1)}T00:00:00`, timeZone)),
            MemberStatus.ACTIVE,
          ],
        ),
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
      key: 'id',
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

/** The dedupe key of a reminder: one per kind, subject (vehicle, member, entitlement…) and due date, ever. */
export function reminderKey(template: T, subjectId: string, dueDate: string): string {
  return `reminder:${template}:${subjectId}:${dueDate}`;
}

function formatLocal(instant: Date, timeZone: string): string {
  return `${localDate(instant, timeZone)} ${new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(instant)}`;
}
