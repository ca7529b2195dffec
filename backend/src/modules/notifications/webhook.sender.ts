import { setTimeout as sleep } from 'node:timers/promises';
import { NotificationSender, OutboundMessage } from './notification-sender';

/**
 * Posts each message as JSON to the SMS/push gateway at NOTIFICATION_WEBHOOK_URL, retrying with
 * the configured backoff; a 2xx answer is a delivery, anything else an error.
 */
export class WebhookSender implements NotificationSender {
  readonly name = 'webhook';

  constructor(
    private readonly url: string,
    private readonly retryDelaysMs: number[],
    private readonly timeoutMs = 10_000,
  ) {}

  async deliver(message: OutboundMessage): Promise<void> {
    let lastError: Error | undefined;
    for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
      if (attempt > 0) await sleep(this.retryDelaysMs[attempt - 1]);
      try {
        const response = await fetch(this.url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': message.notificationId },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        if (response.ok) return;
        lastError = new Error(`Gateway answered HTTP ${response.status}`);
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
      }
    }
    throw lastError ?? new Error('Delivery failed');
  }
}
