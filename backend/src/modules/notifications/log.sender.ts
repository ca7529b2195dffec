import { Logger } from '@nestjs/common';
import { NotificationSender, OutboundMessage } from './notification-sender';

const maskRecipient = (to: string) => (/^\d{11}$/.test(to) ? `${to.slice(0, 3)}****${to.slice(7)}` : to.replace(/^(.).*(@.*)$/, '$1***$2'));

/** The default sender when no gateway is configured: writes each message to the log. */
export class LogSender implements NotificationSender {
  readonly name = 'log';
  private readonly logger = new Logger('Notifications');

  async deliver(message: OutboundMessage): Promise<void> {
    this.logger.log({ ...message, to: maskRecipient(message.to) }, `${message.channel} ${message.template} → ${maskRecipient(message.to)}`);
  }
}
