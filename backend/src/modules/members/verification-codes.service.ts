import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan } from 'typeorm';
import { dialectOf, executeUpdate, TransactionService } from '../../common/database';
import { keyedHash } from '../../common/crypto';
import { RateLimitedError } from '../../common/errors';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { NotificationTemplate } from '../notifications/notification.enums';
import { NotificationsService } from '../notifications/notifications.service';
import { ProgrammeService } from '../programme/programme.service';
import { CodePurpose, VerificationCode } from './verification-code.entity';

export type CodeCheck = 'OK' | 'WRONG' | 'EXPIRED' | 'LOCKED';

const TEMPLATES: Record<CodePurpose, NotificationTemplate> = {
  [CodePurpose.ACTIVATION]: NotificationTemplate.ACTIVATION_CODE,
  [CodePurpose.LOGIN]: NotificationTemplate.LOGIN_CODE,
};

/**
 * One-time SMS codes for activation and login: 6 digits, short-lived, kept only as a keyed hash,
 * a limited number of guesses each, and a limited number of codes per phone.
 */
@Injectable()
export class VerificationCodesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionService,
    private readonly programme: ProgrammeService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Queues a new code in the caller's transaction (earlier open codes for the phone die with it) and
   * returns the notification to deliver once the transaction has committed.
   */
  async issue(
    manager: EntityManager,
    input: { purpose: CodePurpose; phone: string; memberId: string | null; name?: string; deliver?: boolean },
  ): Promise<{ notificationId: string | null }> {
    const rules = await this.programme.rules(manager);
    const now = new Date();
    const recent = await manager.find(VerificationCode, {
      where: { phone: input.phone, purpose: input.purpose, createdAt: MoreThan(new Date(now.getTime() - 3600_000)) },
      order: { createdAt: 'DESC' },
    });
    if (recent.length >= rules.codesPerHour) throw new RateLimitedError('Too many codes for this phone; try again later', 3600);
    const last = recent[0];
    const wait = last ? Math.ceil((last.createdAt.getTime() + rules.codeMinIntervalSeconds * 1000 - now.getTime()) / 1000) : 0;
    if (wait > 0) throw new RateLimitedError(`A code was just sent; wait ${wait} s before asking again`, wait);

    await manager.update(
      VerificationCode,
      { phone: input.phone, purpose: input.purpose, consumedAt: IsNull() },
      { consumedAt: now },
    );
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const saved = await manager.save(
      manager.create(VerificationCode, {
        purpose: input.purpose,
        phone: input.phone,
        memberId: input.memberId,
        codeHash: this.hash(input.purpose, input.phone, code),
        expiresAt: new Date(now.getTime() + rules.codeTtlMinutes * 60_000),
        attempts: 0,
        consumedAt: null,
      }),
    );
    // A login code for a phone that is no member's is recorded (it counts for the rate limit) but not sent.
    if (input.deliver === false) return { notificationId: null };
    const notification = await this.notifications.enqueue(manager, {
      template: TEMPLATES[input.purpose],
      memberId: input.memberId,
      recipient: input.phone,
      data: { code, name: input.name },
      dedupeKey: `code:${saved.id}`,
    });
    return { notificationId: notification.id };
  }

  /** Sends a queued code now (codes do not wait for the dispatch job). */
  async send(notificationId: string | null): Promise<void> {
    if (notificationId) await this.notifications.deliverNow(notificationId);
  }

  /**
   * Checks a code in its own transaction, so a wrong guess is counted even though the caller then
   * fails. A right code is consumed (once, also under concurrent checks).
   */
  check(input: { purpose: CodePurpose; phone: string; code: string }): Promise<CodeCheck> {
    return this.tx.run(async (manager) => {
      const rules = await this.programme.rules(manager);
      const open = await manager.findOne(VerificationCode, {
        where: { phone: input.phone, purpose: input.purpose, consumedAt: IsNull() },
        order: { createdAt: 'DESC' },
      });
      if (!open || open.expiresAt <= new Date()) return 'EXPIRED';
      const counted = await executeUpdate(manager, 'UPDATE `verification_code` SET `attempts` = `attempts` + 1 WHERE `id` = ? AND `attempts` < ?', [
        open.id,
        rules.codeMaxAttempts,
      ]);
      if (!counted) return 'LOCKED';
      if (open.codeHash !== this.hash(input.purpose, input.phone, input.code)) return 'WRONG';
      const consumed = await executeUpdate(
        manager,
        'UPDATE `verification_code` SET `consumedAt` = ' + dialectOf(manager).now() + ' WHERE `id` = ? AND `consumedAt` IS NULL',
        [open.id],
      );
      return consumed ? 'OK' : 'EXPIRED';
    });
  }

  private hash(purpose: CodePurpose, phone: string, code: string): string {
    return keyedHash(`${purpose}:${phone}:${code}`, this.config.jwtSecret);
  }
}
