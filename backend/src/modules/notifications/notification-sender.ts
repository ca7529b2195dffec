import { Notification } from './notification.entity';

/** The JSON a gateway receives for each notification. */
export interface OutboundMessage {
  to: string;
  channel: string;
  template: string;
  body: string;
  memberId: string | null;
  notificationId: string;
}

/** Delivers one notification; throws when it could not be delivered (it will be retried). */
export interface NotificationSender {
  readonly name: string;
  deliver(message: OutboundMessage): Promise<void>;
}

export const NOTIFICATION_SENDER = Symbol('NOTIFICATION_SENDER');

export function toMessage(n: Notification): OutboundMessage {
  return {
    to: n.recipient,
    channel: n.channel,
    template: n.template,
    body: n.body,
    memberId: n.memberId,
    notificationId: n.id,
  };
}
