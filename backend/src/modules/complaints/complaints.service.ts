import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { actorOf, ActorType, Principal, StaffRole } from '../../common/auth';
import { dialectOf, executeUpdate, readDateTime, TransactionService } from '../../common/database';
import { newId } from '../../common/entity';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  isUniqueViolation,
  NotFoundError,
} from '../../common/errors';
import { ListArgs, listQuery, Page } from '../../common/list';
import { assertNotCleared } from '../../common/validation';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { Dealership } from '../dealerships/dealership.entity';
import { actingDealership, storeOf } from '../members/member-access';
import { Member } from '../members/member.entity';
import { NotificationChannel, NotificationTemplate } from '../notifications/notification.enums';
import { NotificationsService } from '../notifications/notifications.service';
import { ProgrammeService } from '../programme/programme.service';
import { StaffUser } from '../staff/staff-user.entity';
import { SalesTransaction } from '../transactions/sales-transaction.entity';
import { Vehicle } from '../vehicles/vehicle.entity';
import { ComplaintEvent } from './complaint-event.entity';
import {
  DONE_STATUSES,
  dueTimes,
  escalationsDue,
  PRIORITY_RANK,
  rankExpression,
  sequenceOf,
  STATUS_RANK,
  STEP_FROM,
  ticketNo,
  ticketPrefix,
} from './complaint-rules';
import { Complaint } from './complaint.entity';
import {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintEventType,
  ComplaintPriority,
  ComplaintStatus,
} from './complaint.enums';
import { ComplaintResolvedHooks } from './complaint.hooks';
import {
  AddComplaintNoteInput,
  AssignComplaintInput,
  CloseComplaintInput,
  ComplaintFilter,
  ComplaintSort,
  ComplaintSortField,
  ComplaintStats,
  CreateComplaintInput,
  FileComplaintInput,
  ReopenComplaintInput,
  ResolveComplaintInput,
  UpdateComplaintInput,
} from './complaints.types';

/** Roles that handle complaints, and so may be assigned one. */
export const HANDLER_ROLES: readonly StaffRole[] = [
  StaffRole.CUSTOMER_SERVICE,
  StaffRole.ADMIN,
  StaffRole.STORE_STAFF,
];

/**
 * Attempts at a fresh daily ticket number when concurrent filings take the same one. A failed
 * attempt has waited for the filing holding that number to commit, so this paces itself; N filings
 * at the very same moment need up to N attempts.
 */
const TICKET_ATTEMPTS = 100;
/** Re-reads of a complaint that concurrent steps keep changing. */
const STEP_ATTEMPTS = 10;
const ESCALATION_CHUNK = 200;

type Step = keyof typeof STEP_FROM;
const VERB: Record<Step, string> = {
  acknowledge: 'acknowledged',
  assign: 'assigned',
  note: 'given a note',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'reopened',
  update: 'changed',
};

interface Actor {
  type: ActorType;
  id: string | null;
  name: string | null;
}

interface EventDraft {
  type: ComplaintEventType;
  note?: string | null;
  from: ComplaintStatus | null;
  to: ComplaintStatus | null;
}

/** What a step does to a complaint: the changed fields and the timeline events; null: nothing to do. */
interface Plan {
  changes: Partial<Complaint>;
  events: EventDraft[];
}

interface NewComplaint {
  memberId: string | null;
  dealershipId: string | null;
  vehicleId: string | null;
  transactionId: string | null;
  category: ComplaintCategory;
  priority: ComplaintPriority;
  channel: ComplaintChannel;
  subject: string;
  description: string | null;
}

interface EscalationRow {
  id: string;
  ticketNo: string;
  dealershipId: string | null;
  status: ComplaintStatus;
  escalationLevel: number | string;
  acknowledgeDueAt: unknown;
  resolveDueAt: unknown;
}

/**
 * Complaints (投诉): filing with the SLA clock and a daily ticket number, the status steps with
 * their timeline, escalation of missed SLAs, and the figures.
 *
 * Every step reads the complaint, checks the step is allowed from its status (INVALID_STATE
 * otherwise), then claims the row with a conditional UPDATE on the status it read. A concurrent
 * step that moved the complaint meanwhile makes the claim match no row, and the step re-reads and
 * re-checks, so two steps can never both apply to the same status. The claim holds the row until
 * commit; the change then goes through the entity so the audit trail records before and after.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    @InjectRepository(Complaint) private readonly complaints: Repository<Complaint>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly programme: ProgrammeService,
    private readonly notifications: NotificationsService,
    private readonly resolvedHooks: ComplaintResolvedHooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Store staff see their dealership's complaints only. */
  list(
    principal: Principal | undefined,
    args: ListArgs<ComplaintFilter, ComplaintSort>,
  ): Promise<Page<Complaint>> {
    const store = storeOf(principal);
    const now = new Date();
    return listQuery(this.complaints, args, {
      search: ['ticketNo', 'subject'],
      filters: {
        overdue: (qb, alias, overdue: boolean) => {
          const condition =
            `(${alias}.status NOT IN (:...overdueDone) AND (${alias}.resolveDueAt < :overdueNow OR ` +
            `(${alias}.status = :overdueOpen AND ${alias}.acknowledgeDueAt < :overdueNow)))`;
          qb.andWhere(overdue ? condition : `NOT ${condition}`, {
            overdueDone: DONE_STATUSES,
            overdueNow: now,
            overdueOpen: ComplaintStatus.OPEN,
          });
        },
      },
      scope: (qb, alias) => {
        if (store) qb.andWhere(`${alias}.dealershipId = :store`, { store });
        // PRIORITY and STATUS sort by urgency and lifecycle, not alphabetically: these orderings
        // come first; the list query's own (by the column) then only break ties.
        for (const sort of args.sort ?? []) {
          const order = sort.order === 'ASC' ? 'ASC' : 'DESC';
          if (sort.field === ComplaintSortField.PRIORITY)
            qb.addOrderBy(rankExpression(`${alias}.priority`, PRIORITY_RANK), order);
          else if (sort.field === ComplaintSortField.STATUS)
            qb.addOrderBy(rankExpression(`${alias}.status`, STATUS_RANK), order);
          else
            qb.addOrderBy(
              `${alias}.${sort.field === ComplaintSortField.RESOLVE_DUE_AT ? 'resolveDueAt' : 'createdAt'}`,
              order,
            );
        }
      },
    });
  }

  /** A complaint, or null when it does not exist or the caller's store may not see it. */
  async findOne(principal: Principal | undefined, id: string): Promise<Complaint | null> {
    const complaint = await this.complaints.findOneBy({ id });
    const store = storeOf(principal);
    return complaint && (!store || complaint.dealershipId === store) ? complaint : null;
  }

  /** Staff take a complaint: OPEN, SLA due times from now by priority, a new ticket number. */
  create(principal: Principal, input: CreateComplaintInput): Promise<Complaint> {
    return this.tx.run(async (manager) => {
      const problems: Record<string, string> = {};
      const member = input.memberId ? await manager.findOneBy(Member, { id: input.memberId }) : null;
      if (input.memberId && !member) problems['input.memberId'] = 'is not an existing member';
      const vehicle = input.vehicleId ? await manager.findOneBy(Vehicle, { id: input.vehicleId }) : null;
      if (input.vehicleId && !vehicle) problems['input.vehicleId'] = 'is not an existing vehicle';
      else if (vehicle && vehicle.memberId !== (input.memberId ?? null))
        problems['input.vehicleId'] = "is not a vehicle of the complaint's member (input.memberId)";
      const transaction = input.transactionId
        ? await manager.findOneBy(SalesTransaction, { id: input.transactionId })
        : null;
      if (input.transactionId && !transaction)
        problems['input.transactionId'] = 'is not an existing transaction';
      else if (transaction && (transaction.memberId ?? null) !== (input.memberId ?? null)) {
        problems['input.transactionId'] = "is not a transaction of the complaint's member (input.memberId)";
      }
      const dealershipId =
        actingDealership(principal, input.dealershipId) ??
        transaction?.dealershipId ??
        member?.homeDealershipId ??
        null;
      if (input.dealershipId && !(await manager.existsBy(Dealership, { id: input.dealershipId }))) {
        problems['input.dealershipId'] = 'is not an existing dealership';
      }
      if (Object.keys(problems).length) throw new BadUserInputError(problems);
      return this.open(manager, await this.actor(manager, principal), {
        memberId: member?.id ?? null,
        dealershipId,
        vehicleId: vehicle?.id ?? null,
        transactionId: transaction?.id ?? null,
        category: input.category,
        priority: input.priority ?? ComplaintPriority.NORMAL,
        channel: input.channel,
        subject: input.subject,
        description: input.description ?? null,
      });
    });
  }

  /** The logged-in member files a complaint in the app: channel APP, priority NORMAL, their own vehicle. */
  file(principal: Principal, input: FileComplaintInput): Promise<Complaint> {
    const memberId = principal.member?.id;
    if (!memberId) throw new ForbiddenError('Only a logged-in member files a complaint this way');
    return this.tx.run(async (manager) => {
      const member = await manager.findOneBy(Member, { id: memberId });
      if (!member) throw new NotFoundError('Member', memberId);
      const problems: Record<string, string> = {};
      if (input.vehicleId) {
        const vehicle = await manager.findOneBy(Vehicle, { id: input.vehicleId });
        if (!vehicle || vehicle.memberId !== member.id)
          problems['input.vehicleId'] = 'is not one of your vehicles';
      }
      if (input.dealershipId && !(await manager.existsBy(Dealership, { id: input.dealershipId }))) {
        problems['input.dealershipId'] = 'is not an existing dealership';
      }
      if (Object.keys(problems).length) throw new BadUserInputError(problems);
      return this.open(
        manager,
        { type: ActorType.MEMBER, id: member.id, name: member.name },
        {
          memberId: member.id,
          dealershipId: input.dealershipId ?? member.homeDealershipId ?? null,
          vehicleId: input.vehicleId ?? null,
          transactionId: null,
          category: input.category,
          priority: ComplaintPriority.NORMAL,
          channel: ComplaintChannel.APP,
          subject: input.subject,
          description: input.description ?? null,
        },
      );
    });
  }

  /** Edits a complaint that is not CLOSED; a new priority recomputes the due times from its filing. */
  update(principal: Principal, id: string, input: UpdateComplaintInput): Promise<Complaint> {
    assertNotCleared(input, ['category', 'priority', 'subject']);
    const store = storeOf(principal);
    if (store && input.dealershipId !== undefined && input.dealershipId !== store) {
      throw new ForbiddenError('Store staff keep complaints at their own dealership');
    }
    return this.step(principal, id, 'update', async (complaint, manager) => {
      if (
        input.dealershipId &&
        input.dealershipId !== complaint.dealershipId &&
        !(await manager.existsBy(Dealership, { id: input.dealershipId }))
      ) {
        throw new BadUserInputError({ 'input.dealershipId': 'is not an existing dealership' });
      }
      const changes: Partial<Complaint> = {};
      const said: string[] = [];
      for (const key of ['dealershipId', 'category', 'priority', 'subject', 'description'] as const) {
        const value = input[key];
        if (value === undefined || value === complaint[key]) continue;
        (changes as Record<string, unknown>)[key] = value;
        said.push(key === 'category' || key === 'priority' ? `${key}: ${complaint[key]} → ${value}` : key);
      }
      if (!said.length) return null;
      if (changes.priority) {
        const rules = await this.programme.rules(manager);
        Object.assign(changes, dueTimes(complaint.createdAt, changes.priority, rules.complaintSla));
      }
      return {
        changes,
        events: [
          {
            type: ComplaintEventType.UPDATED,
            note: `Changed ${said.join('; ')}`,
            from: complaint.status,
            to: complaint.status,
          },
        ],
      };
    });
  }

  /** OPEN → ACKNOWLEDGED (受理). */
  acknowledge(principal: Principal, id: string): Promise<Complaint> {
    return this.step(principal, id, 'acknowledge', (complaint, _manager, now) => ({
      changes: { status: ComplaintStatus.ACKNOWLEDGED, acknowledgedAt: now },
      events: [
        { type: ComplaintEventType.ACKNOWLEDGED, from: complaint.status, to: ComplaintStatus.ACKNOWLEDGED },
      ],
    }));
  }

  /**
   * Assigns a handler. OPEN is acknowledged on the way (events ACKNOWLEDGED, then ASSIGNED);
   * OPEN and ACKNOWLEDGED go IN_PROGRESS; IN_PROGRESS is reassigned and stays IN_PROGRESS.
   * Assigning the current assignee again changes nothing.
   */
  assign(principal: Principal, input: AssignComplaintInput): Promise<Complaint> {
    return this.step(principal, input.complaintId, 'assign', async (complaint, manager, now) => {
      const assignee = await manager.findOneBy(StaffUser, { id: input.assigneeId });
      if (!assignee?.active)
        throw new BadUserInputError({ 'input.assigneeId': 'is not an active staff user' });
      if (!HANDLER_ROLES.includes(assignee.role)) {
        throw new BadUserInputError({
          'input.assigneeId': `is ${assignee.role}: only CUSTOMER_SERVICE, ADMIN or STORE_STAFF handle complaints`,
        });
      }
      if (assignee.dealershipId && assignee.dealershipId !== complaint.dealershipId) {
        throw new BadUserInputError({
          'input.assigneeId': "works at another dealership than the complaint's",
        });
      }
      if (complaint.status === ComplaintStatus.IN_PROGRESS && complaint.assigneeId === assignee.id)
        return null;
      const events: EventDraft[] = [];
      const changes: Partial<Complaint> = { assigneeId: assignee.id, status: ComplaintStatus.IN_PROGRESS };
      let from = complaint.status;
      if (from === ComplaintStatus.OPEN) {
        changes.acknowledgedAt = now;
        events.push({
          type: ComplaintEventType.ACKNOWLEDGED,
          note: 'Acknowledged by assigning it',
          from,
          to: ComplaintStatus.ACKNOWLEDGED,
        });
        from = ComplaintStatus.ACKNOWLEDGED;
      }
      const previous = complaint.assigneeId
        ? await manager.findOneBy(StaffUser, { id: complaint.assigneeId })
        : null;
      const note = previous
        ? `Reassigned from ${previous.name} to ${assignee.name}`
        : `Assigned to ${assignee.name}`;
      events.push({ type: ComplaintEventType.ASSIGNED, note, from, to: ComplaintStatus.IN_PROGRESS });
      return { changes, events };
    });
  }

  /** A note on the timeline, in any status but CLOSED. */
  addNote(principal: Principal, input: AddComplaintNoteInput): Promise<Complaint> {
    return this.step(principal, input.complaintId, 'note', (complaint) => ({
      changes: {},
      events: [
        { type: ComplaintEventType.NOTE, note: input.note, from: complaint.status, to: complaint.status },
      ],
    }));
  }

  /** ACKNOWLEDGED or IN_PROGRESS → RESOLVED with the outcome and what was done. */
  async resolve(principal: Principal, input: ResolveComplaintInput): Promise<Complaint> {
    return this.step(
      principal,
      input.complaintId,
      'resolve',
      (complaint, _manager, now) => ({
        changes: {
          status: ComplaintStatus.RESOLVED,
          outcome: input.outcome,
          resolution: input.resolution,
          resolvedAt: now,
        },
        events: [
          {
            type: ComplaintEventType.RESOLVED,
            note: `${input.outcome}: ${input.resolution}`,
            from: complaint.status,
            to: ComplaintStatus.RESOLVED,
          },
        ],
      }),
      (manager, complaint) => this.resolvedHooks.run(manager, { complaint }),
    );
  }

  /** RESOLVED → CLOSED, with the member's satisfaction (1–5) and feedback. */
  close(principal: Principal, input: CloseComplaintInput): Promise<Complaint> {
    return this.step(principal, input.complaintId, 'close', (complaint, _manager, now) => ({
      changes: {
        status: ComplaintStatus.CLOSED,
        satisfaction: input.satisfaction ?? null,
        feedback: input.feedback ?? null,
        closedAt: now,
      },
      events: [
        {
          type: ComplaintEventType.CLOSED,
          note:
            [input.satisfaction ? `Satisfaction ${input.satisfaction}/5` : null, input.feedback]
              .filter(Boolean)
              .join(': ') || null,
          from: complaint.status,
          to: ComplaintStatus.CLOSED,
        },
      ],
    }));
  }

  /**
   * RESOLVED → IN_PROGRESS on the member's reply: the resolution is withdrawn (outcome, resolution
   * and resolvedAt cleared; the RESOLVED event keeps them). The due times stay: the SLA counts the
   * member's wait from filing, so a reopened complaint past its resolution time is overdue at once.
   */
  reopen(principal: Principal, input: ReopenComplaintInput): Promise<Complaint> {
    return this.step(principal, input.complaintId, 'reopen', (complaint) => ({
      changes: { status: ComplaintStatus.IN_PROGRESS, resolvedAt: null, outcome: null, resolution: null },
      events: [
        {
          type: ComplaintEventType.REOPENED,
          note: input.reason,
          from: complaint.status,
          to: ComplaintStatus.IN_PROGRESS,
        },
      ],
    }));
  }

  /**
   * Figures over the complaints filed in [from, to), at one dealership when given (store staff:
   * always their own). `open`, `overdue` and `resolved` describe those complaints now.
   */
  async stats(
    principal: Principal | undefined,
    from: Date,
    to: Date,
    dealershipId?: string | null,
  ): Promise<ComplaintStats> {
    if (to.getTime() <= from.getTime()) throw new BadUserInputError({ to: 'must be after from' });
    const store = storeOf(principal);
    if (store && dealershipId && dealershipId !== store)
      throw new ForbiddenError('Store staff see the figures of their own dealership only');
    const scope = store ?? dealershipId ?? null;
    const sql = dialectOf(this.dataSource);
    const now = sql.dateTime(new Date());
    const where = '`createdAt` >= ? AND `createdAt` < ?' + (scope ? ' AND `dealershipId` = ?' : '');
    const params = [sql.dateTime(from), sql.dateTime(to), ...(scope ? [scope] : [])];
    const done = DONE_STATUSES.map((s) => `'${s}'`).join(', ');
    const [row]: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT COUNT(*) AS total,
              SUM(CASE WHEN \`status\` NOT IN (${done}) THEN 1 ELSE 0 END) AS open,
              SUM(CASE WHEN \`status\` NOT IN (${done}) AND (\`resolveDueAt\` < ? OR (\`status\` = 'OPEN' AND \`acknowledgeDueAt\` < ?)) THEN 1 ELSE 0 END) AS overdue,
              SUM(CASE WHEN \`status\` IN (${done}) THEN 1 ELSE 0 END) AS resolved,
              AVG(CASE WHEN \`acknowledgedAt\` IS NOT NULL THEN ${sql.hoursBetween('`createdAt`', '`acknowledgedAt`')} END) AS avgHoursToAcknowledge,
              AVG(CASE WHEN \`resolvedAt\` IS NOT NULL THEN ${sql.hoursBetween('`createdAt`', '`resolvedAt`')} END) AS avgHoursToResolve,
              AVG(\`satisfaction\`) AS avgSatisfaction
         FROM \`complaint\` WHERE ${where}`,
      [now, now, ...params],
    );
    const categories: { category: ComplaintCategory; n: unknown }[] = await this.dataSource.query(
      `SELECT \`category\`, COUNT(*) AS n FROM \`complaint\` WHERE ${where} GROUP BY \`category\` ORDER BY n DESC, \`category\` ASC`,
      params,
    );
    const total = Number(row.total ?? 0);
    const resolved = Number(row.resolved ?? 0);
    const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));
    return {
      total,
      open: Number(row.open ?? 0),
      overdue: Number(row.overdue ?? 0),
      resolved,
      resolutionRate: total ? resolved / total : 0,
      avgHoursToAcknowledge: numberOrNull(row.avgHoursToAcknowledge),
      avgHoursToResolve: numberOrNull(row.avgHoursToResolve),
      avgSatisfaction: numberOrNull(row.avgSatisfaction),
      byCategory: categories.map((c) => ({ category: c.category, count: Number(c.n) })),
    };
  }

  /**
   * The COMPLAINT_ESCALATION job: level 1 when a complaint is still OPEN at its acknowledgement
   * time (the store's handlers are told), level 2 when it is not RESOLVED or CLOSED at its
   * resolution time (group customer service is told). Each level once: the level only rises, by a
   * conditional UPDATE on the level and status read; notifications carry a dedupe key per
   * complaint, level and recipient. Missing both at once goes to 2 with both events.
   */
  async escalateDue(
    asOf: Date,
    heartbeat?: () => Promise<void>,
  ): Promise<{ processed: number; affected: number }> {
    let cursor = '';
    let processed = 0;
    let affected = 0;
    for (;;) {
      const chunk = await this.tx.run(async (manager) => {
        const sql = dialectOf(manager);
        const rows: EscalationRow[] = await manager.query(
          `SELECT \`id\`, \`ticketNo\`, \`dealershipId\`, \`status\`, \`escalationLevel\`, \`acknowledgeDueAt\`, \`resolveDueAt\`
             FROM \`complaint\`
            WHERE \`id\` > ? AND \`status\` NOT IN (?, ?)
              AND ((\`escalationLevel\` < 1 AND \`status\` = ? AND \`acknowledgeDueAt\` <= ?) OR (\`escalationLevel\` < 2 AND \`resolveDueAt\` <= ?))
            ORDER BY \`id\` LIMIT ${ESCALATION_CHUNK}`,
          [cursor, ...DONE_STATUSES, ComplaintStatus.OPEN, sql.dateTime(asOf), sql.dateTime(asOf)],
        );
        if (!rows.length) return { rows, escalated: 0 };
        const handlers = await manager.find(StaffUser, {
          where: { active: true, role: In([...HANDLER_ROLES]) },
          order: { id: 'ASC' },
        });
        let escalated = 0;
        for (const row of rows) {
          const state = {
            status: row.status,
            escalationLevel: Number(row.escalationLevel),
            acknowledgeDueAt: readDateTime(row.acknowledgeDueAt)!,
            resolveDueAt: readDateTime(row.resolveDueAt)!,
          };
          const levels = escalationsDue(state, asOf);
          if (!levels.length) continue;
          const changed = await executeUpdate(
            manager,
            'UPDATE `complaint` SET `escalationLevel` = ?, `updatedAt` = ' +
              sql.now() +
              ' WHERE `id` = ? AND `escalationLevel` = ? AND `status` = ?',
            [levels[levels.length - 1], row.id, state.escalationLevel, state.status],
          );
          if (!changed) continue; // a step or another run got there first: the next run looks again
          escalated++;
          for (const level of levels) {
            const due = level === 1 ? state.acknowledgeDueAt : state.resolveDueAt;
            const recipients = escalationRecipients(handlers, level, row.dealershipId);
            const told =
              level === 1 && recipients[0]?.dealershipId
                ? "the store's complaint handlers"
                : 'group customer service';
            await this.addEvents(
              manager,
              row.id,
              { type: ActorType.SYSTEM, id: null, name: null },
              new Date(),
              [
                {
                  type: ComplaintEventType.ESCALATED,
                  note: `Level ${level}: not ${level === 1 ? 'acknowledged' : 'resolved'} by ${due.toISOString()}; ${told} notified`,
                  from: state.status,
                  to: state.status,
                },
              ],
            );
            for (const staff of recipients) {
              await this.notifications.enqueue(manager, {
                template: NotificationTemplate.COMPLAINT_ESCALATED,
                channel: NotificationChannel.PUSH,
                recipient: `staff:${staff.id}`,
                data: { ticketNo: row.ticketNo, level },
                dedupeKey: `complaint-escalated:${row.id}:${level}:${staff.id}`,
              });
            }
          }
        }
        return { rows, escalated };
      });
      if (!chunk.rows.length) break;
      processed += chunk.rows.length;
      affected += chunk.escalated;
      cursor = chunk.rows[chunk.rows.length - 1].id;
      await heartbeat?.();
    }
    return { processed, affected };
  }

  /** Inserts a new complaint with a fresh daily ticket number, and its CREATED event. */
  private async open(manager: EntityManager, actor: Actor, fields: NewComplaint): Promise<Complaint> {
    const rules = await this.programme.rules(manager);
    const createdAt = new Date();
    const prefix = ticketPrefix(createdAt, this.config.programmeTimeZone);
    const complaint = manager.create(Complaint, {
      ...fields,
      id: newId(),
      createdAt,
      status: ComplaintStatus.OPEN,
      ...dueTimes(createdAt, fields.priority, rules.complaintSla),
      assigneeId: null,
      acknowledgedAt: null,
      resolvedAt: null,
      closedAt: null,
      outcome: null,
      resolution: null,
      satisfaction: null,
      feedback: null,
      escalationLevel: 0,
    });
    // The next number after the day's highest; a concurrent filing that took it first makes the
    // unique index refuse this one, and the number after that is tried.
    for (let attempt = 0; ; attempt++) {
      const last: { ticketNo: string } | undefined = await manager
        .createQueryBuilder(Complaint, 'c')
        .select('c.ticketNo', 'ticketNo')
        .where('c.ticketNo LIKE :prefix', { prefix: `${prefix}%` })
        .orderBy('LENGTH(c.ticketNo)', 'DESC')
        .addOrderBy('c.ticketNo', 'DESC')
        .limit(1)
        .getRawOne();
      complaint.ticketNo = ticketNo(prefix, sequenceOf(last?.ticketNo, prefix) + 1);
      try {
        await manager.save(complaint);
        break;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (attempt >= TICKET_ATTEMPTS)
          throw new ConflictError('Too many complaints filed at once for a ticket number; try again');
      }
    }
    await this.addEvents(manager, complaint.id, actor, createdAt, [
      {
        type: ComplaintEventType.CREATED,
        note: `Filed by ${fields.channel}`,
        from: null,
        to: ComplaintStatus.OPEN,
      },
    ]);
    return manager.findOneByOrFail(Complaint, { id: complaint.id });
  }

  /**
   * One step on a complaint: checked against its status, claimed by a conditional UPDATE on that
   * status (re-read and re-checked when a concurrent step got there first), applied through the
   * entity, and written to the timeline, all in one transaction.
   */
  private step(
    principal: Principal,
    id: string,
    step: Step,
    plan: (complaint: Complaint, manager: EntityManager, now: Date) => Plan | null | Promise<Plan | null>,
    after?: (manager: EntityManager, complaint: Complaint) => Promise<void>,
  ): Promise<Complaint> {
    return this.tx.run(async (manager) => {
      const actor = await this.actor(manager, principal);
      for (let attempt = 0; attempt < STEP_ATTEMPTS; attempt++) {
        const seen = await this.visible(manager, principal, id);
        this.assertStep(seen, step);
        const claimed = await executeUpdate(
          manager,
          'UPDATE `complaint` SET `status` = `status` WHERE `id` = ? AND `status` = ?',
          [id, seen.status],
        );
        if (!claimed) continue;
        // Held until commit: read it again as it is now, and plan on that.
        const complaint = await manager.findOneByOrFail(Complaint, { id });
        const now = new Date();
        const planned = await plan(complaint, manager, now);
        if (!planned) return complaint;
        const saved = await manager.save(Object.assign(complaint, planned.changes));
        await this.addEvents(manager, id, actor, now, planned.events);
        await after?.(manager, saved);
        return manager.findOneByOrFail(Complaint, { id });
      }
      throw new ConflictError('The complaint kept changing under this request; try again');
    });
  }

  private assertStep(complaint: Complaint, step: Step) {
    if (!STEP_FROM[step].includes(complaint.status)) {
      const allowed = STEP_FROM[step].join(', ');
      throw new InvalidStateError(
        `A ${complaint.status} complaint cannot be ${VERB[step]} (only ${allowed})`,
      );
    }
  }

  /** The complaint, if the caller's store may act on it (NOT_FOUND otherwise, as if it did not exist). */
  private async visible(manager: EntityManager, principal: Principal, id: string): Promise<Complaint> {
    const complaint = await manager.findOneBy(Complaint, { id });
    const store = storeOf(principal);
    if (!complaint || (store && complaint.dealershipId !== store)) throw new NotFoundError('Complaint', id);
    return complaint;
  }

  private async addEvents(
    manager: EntityManager,
    complaintId: string,
    actor: Actor,
    at: Date,
    drafts: EventDraft[],
  ) {
    for (const draft of drafts) {
      await manager.save(
        manager.create(ComplaintEvent, {
          id: newId(),
          createdAt: at,
          complaintId,
          type: draft.type,
          note: draft.note ?? null,
          actorType: actor.type,
          actorId: actor.id,
          actorName: actor.name,
          fromStatus: draft.from,
          toStatus: draft.to,
        }),
      );
    }
  }

  /** Who did it, for the timeline; a member acting in the app is named too. */
  private async actor(manager: EntityManager, principal: Principal): Promise<Actor> {
    const actor = actorOf(principal);
    if (actor.type === ActorType.MEMBER && actor.id && !actor.name) {
      actor.name = (await manager.findOneBy(Member, { id: actor.id }))?.name ?? null;
    }
    return actor;
  }
}

/**
 * Who hears of an escalation. Level 1 (acknowledgement missed): the store's complaint handlers,
 * i.e. active ADMIN, CUSTOMER_SERVICE and STORE_STAFF users of the complaint's dealership (the
 * "store manager role"). Level 2 (resolution missed), and level 1 when the store has nobody: group
 * customer service (active CUSTOMER_SERVICE users without a dealership), or the group ADMINs when
 * there is none.
 */
export function escalationRecipients(
  handlers: Pick<StaffUser, 'id' | 'role' | 'dealershipId'>[],
  level: 1 | 2,
  dealershipId: string | null,
): Pick<StaffUser, 'id' | 'role' | 'dealershipId'>[] {
  if (level === 1 && dealershipId) {
    const store = handlers.filter((s) => s.dealershipId === dealershipId);
    if (store.length) return store;
  }
  const service = handlers.filter((s) => !s.dealershipId && s.role === StaffRole.CUSTOMER_SERVICE);
  return service.length ? service : handlers.filter((s) => !s.dealershipId && s.role === StaffRole.ADMIN);
}
