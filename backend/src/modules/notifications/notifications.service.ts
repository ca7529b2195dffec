import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { dialectOf, executeUpdate, inKeyChunks } from '../../common/database';
import { isUniqueViolation } from '../../common/errors';
import { newId } from '../../common/entity';
import { ListArgs, listQuery, Page } from '../../common/list';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ProgrammeService } from '../programme/programme.service';
import { Notification } from './notification.entity';
import { NotificationChannel, NotificationStatus, NotificationTemplate } from './notification.enums';
import { NOTIFICATION_SENDER, NotificationSender, toMessage } from './notification-sender';
import { inQuietHours } from './quiet-hours';
import { MARKETING_TEMPLATES, renderTemplate } from './templates';

export interface EnqueueInput {
  template: NotificationTemplate;
  channel?: NotificationChannel;
  memberId?: string | null;
  /** Phone number, e-mail address or push token. */
  recipient: string;
  data: Record<string, string | number | null | undefined>;
  /** Unique per message ever: the same key is never queued twice. */
  dedupeKey: string;
  /** Not sent before this (quiet hours, reminders for later); default now. */
  scheduledAt?: Date;
}

/** Failed deliveries are tried again after these delays; after the last one the message is FAILED. */
const RETRY_BACKOFF_MINUTES = [1, 5, 15, 60];
const MAX_ATTEMPTS = RETRY_BACKOFF_MINUTES.length + 1;
/** A sender's claim on a message; longer than a delivery with all its retries. */
const CLAIM_SECONDS = 120;
const CHUNK = 100;

/** The notification outbox: queue in the caller's transaction, deliver once through the sender. */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger(NotificationsService.name);

  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_SENDER) private readonly sender: NotificationSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly programme: ProgrammeService,
  ) {}

  list(args: ListArgs): Promise<Page<Notification>> {
    return listQuery(this.notifications, args, { search: ['body', 'dedupeKey'] });
  }

  /**
   * Queues a message in the given transaction. Returns the queued notification, or the one already
   * queued under the same dedupe key (nothing is queued twice).
   */
  async enqueue(manager: EntityManager, input: EnqueueInput): Promise<Notification> {
    const existing = await manager.findOneBy(Notification, { dedupeKey: input.dedupeKey });
    if (existing) return existing;
    const scheduledAt = input.scheduledAt ?? new Date();
    const notification = manager.create(Notification, {
      id: newId(),
      template: input.template,
      channel: input.channel ?? NotificationChannel.SMS,
      memberId: input.memberId ?? null,
      recipient: input.recipient,
      data: input.data,
      body: renderTemplate(input.template, input.data),
      dedupeKey: input.dedupeKey,
      status: NotificationStatus.PENDING,
      scheduledAt,
      nextAttemptAt: scheduledAt,
      attempts: 0,
      sentAt: null,
      error: null,
      claimedBy: null,
      claimedUntil: null,
    });
    try {
      await manager.insert(Notification, notification as never);
      return notification;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent transaction queued it and committed. This transaction's snapshot (REPEATABLE
      // READ on MySQL/MariaDB) predates that row, so read the committed one outside it.
      return (
        (await manager.findOneBy(Notification, { dedupeKey: input.dedupeKey })) ??
        this.notifications.findOneByOrFail({ dedupeKey: input.dedupeKey })
      );
    }
  }

  /** Delivers one message at once (verification codes); call after its transaction committed. */
  async deliverNow(id: string): Promise<Notification> {
    await this.deliver(id);
    return this.notifications.findOneByOrFail({ id });
  }

  /** Delivers every message due by `asOf`, in chunks; the NOTIFICATION_DISPATCH job. */
  async dispatchDue(asOf: Date, heartbeat?: () => Promise<void>): Promise<{ processed: number; affected: number }> {
    // Marketing messages wait out the quiet hours (21:00–08:00 programme time) even when due.
    const rules = await this.programme.rules();
    const quiet = inQuietHours(asOf, rules.quietHours, this.config.programmeTimeZone);
    return inKeyChunks<{ id: string }>({
      fetch: (after) => {
        const query = this.notifications
          .createQueryBuilder('n')
          .select('n.id', 'id')
          .where('n.status = :pending', { pending: NotificationStatus.PENDING })
          .andWhere('n.scheduledAt <= :asOf AND n.nextAttemptAt <= :asOf', { asOf })
          .andWhere('n.id > :after', { after });
        if (quiet) query.andWhere('n.template NOT IN (:...marketing)', { marketing: [...MARKETING_TEMPLATES] });
        return query.orderBy('n.id', 'ASC').limit(CHUNK).getRawMany<{ id: string }>();
      },
      handle: async (due) => {
        let sent = 0;
        for (const { id } of due) if (await this.deliver(id)) sent++;
        return sent;
      },
      heartbeat,
    });
  }

  /** Claims, sends and records one message. True when it was sent by this call. */
  private async deliver(id: string): Promise<boolean> {
    const sql = dialectOf(this.dataSource);
    const claimed = await executeUpdate(
      this.dataSource,
      `UPDATE notification SET claimedBy = ?, claimedUntil = ${sql.nowPlusSeconds(CLAIM_SECONDS)}
       WHERE id = ? AND status = ? AND (claimedUntil IS NULL OR claimedUntil < ${sql.now()})`,
      [this.config.instanceId, id, NotificationStatus.PENDING],
    );
    if (claimed !== 1) return false;
    const notification = await this.notifications.findOneByOrFail({ id });
    const attempts = notification.attempts + 1;
    try {
      await this.sender.deliver(toMessage(notification));
      await this.notifications.update(
        { id },
        { status: NotificationStatus.SENT, sentAt: new Date(), attempts, error: null, claimedBy: null, claimedUntil: null },
      );
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const last = attempts >= MAX_ATTEMPTS;
      const nextAttemptAt = new Date(Date.now() + (RETRY_BACKOFF_MINUTES[attempts - 1] ?? 0) * 60_000);
      await this.notifications.update(
        { id },
        {
          status: last ? NotificationStatus.FAILED : NotificationStatus.PENDING,
          attempts,
          error: message.slice(0, 2000),
          nextAttemptAt,
          claimedBy: null,
          claimedUntil: null,
        },
      );
      this.logger.warn({ id, attempts, error: message }, `Notification delivery failed${last ? ' for the last time' : ''}`);
      return false;
    }
  }
}
