import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { newId } from '../../backend/src/common/entity';
import { Notification } from '../../backend/src/modules/notifications/notification.entity';
import { NotificationTemplate } from '../../backend/src/modules/notifications/notification.enums';
import {
  EnqueueInput,
  NotificationsService,
} from '../../backend/src/modules/notifications/notifications.service';
import { startTestApp, TestApp } from './support/test-app';
import { RUN_JOB, NOTIFICATIONS } from './support/contract';

interface Received {
  body: Record<string, unknown>;
  headers: IncomingHttpHeaders;
}

/**
 * An SMS/push gateway on 127.0.0.1. `answer` decides the HTTP status of each request from the
 * notification it carries and how many requests for it came before (0 for the first).
 */
async function startGateway() {
  const received: Received[] = [];
  const gateway = {
    received,
    answer: (_notificationId: string, _previous: number) => 200,
    url: '',
    server: undefined as unknown as Server,
    hitsFor: (id: string) => received.filter((r) => r.body.notificationId === id).length,
  };
  gateway.server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw);
      const previous = gateway.hitsFor(body.notificationId);
      received.push({ body, headers: req.headers });
      res
        .writeHead(gateway.answer(body.notificationId, previous), { 'Content-Type': 'application/json' })
        .end('{}');
    });
  });
  await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve));
  gateway.url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}/sms`;
  return gateway;
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000);

describe('notifications', () => {
  let t: TestApp;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let seq = 0;

  const enqueue = (app: TestApp, input: Partial<EnqueueInput> = {}) =>
    app.dataSource.transaction((manager) =>
      app.app.get(NotificationsService).enqueue(manager, {
        template: NotificationTemplate.MAINTENANCE_DUE,
        recipient: '13912345678',
        memberId: newId(),
        data: { name: '张三', plate: '京A12345', dueDate: '2025-06-01' },
        dedupeKey: `notifications-test-${seq++}`,
        ...input,
      }),
    );

  const dispatch = async (app: TestApp, asOf: Date = new Date()) => {
    const data = await app.ok(
      RUN_JOB,
      { input: { job: 'NOTIFICATION_DISPATCH', asOf: asOf.toISOString() } },
      { token: app.adminToken },
    );
    expect(data.runJob).toMatchObject({ status: 'SUCCEEDED', error: null });
    return data.runJob as { processed: number; affected: number };
  };

  const notification = async (app: TestApp, id: string) => {
    const { notifications } = await app.ok(
      NOTIFICATIONS,
      { filter: { ids: [id] } },
      { token: app.adminToken },
    );
    expect(notifications.total).toBe(1);
    return notifications.items[0];
  };

  beforeAll(async () => {
    gateway = await startGateway();
    t = await startTestApp({ NOTIFICATION_WEBHOOK_URL: gateway.url });
  });
  afterEach(() => {
    gateway.answer = () => 200;
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => gateway?.server.close(resolve));
  });

  it('delivers a queued message through the webhook, exactly as the gateway expects it', async () => {
    const memberId = newId();
    const queued = await enqueue(t, { memberId, dedupeKey: 'maintenance:first' });
    expect((await notification(t, queued.id)).status).toBe('PENDING');

    const run = await dispatch(t);
    expect(run).toMatchObject({ processed: 1, affected: 1 });

    expect(gateway.hitsFor(queued.id)).toBe(1);
    const request = gateway.received.find((r) => r.body.notificationId === queued.id)!;
    expect(request.headers['content-type']).toMatch(/^application\/json/);
    expect(request.body).toEqual({
      to: '13912345678',
      channel: 'SMS',
      template: 'MAINTENANCE_DUE',
      body: '尊敬的张三，您的爱车京A12345预计于2025-06-01需要保养，欢迎预约到店。',
      memberId,
      notificationId: queued.id,
    });

    const sent = await notification(t, queued.id);
    expect(sent).toMatchObject({
      status: 'SENT',
      attempts: 1,
      error: null,
      memberId,
      dedupeKey: 'maintenance:first',
    });
    expect(Math.abs(new Date(sent.sentAt).getTime() - Date.now())).toBeLessThan(10_000);
  });

  it('sends nothing twice when dispatch runs again', async () => {
    const before = gateway.received.length;
    const run = await dispatch(t, minutes(60));
    expect(run).toMatchObject({ processed: 0, affected: 0 });
    expect(gateway.received.length).toBe(before);
  });

  it('retries within one delivery when the gateway fails a couple of times', async () => {
    const queued = await enqueue(t);
    gateway.answer = (id, previous) => (id === queued.id && previous < 2 ? 500 : 200);

    expect(await dispatch(t)).toMatchObject({ processed: 1, affected: 1 });
    expect(gateway.hitsFor(queued.id)).toBe(3);
    expect(await notification(t, queued.id)).toMatchObject({ status: 'SENT', attempts: 1, error: null });
  });

  it('records a failed delivery, retries it on its backoff, and gives up after the last attempt', async () => {
    const queued = await enqueue(t, {
      template: NotificationTemplate.TIER_UPGRADED,
      data: { name: '李四', tier: '金卡会员' },
    });
    gateway.answer = (id) => (id === queued.id ? 500 : 200);
    const repo = t.dataSource.getRepository(Notification);

    expect(await dispatch(t)).toMatchObject({ processed: 1, affected: 0 });
    expect(gateway.hitsFor(queued.id)).toBe(3); // one delivery with its two in-delivery retries
    let row = await notification(t, queued.id);
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, sentAt: null });
    expect(row.error).toMatch(/500/);
    const firstBackoff = (await repo.findOneByOrFail({ id: queued.id })).nextAttemptAt;
    expect(firstBackoff.getTime()).toBeGreaterThan(Date.now());

    // Not due again before its backoff: nothing is sent.
    expect(await dispatch(t)).toMatchObject({ processed: 0, affected: 0 });
    expect(gateway.hitsFor(queued.id)).toBe(3);

    // Past the backoff it is tried again, each time a while later, until the fifth attempt fails it.
    const asOfs = [minutes(2), minutes(10), minutes(30), minutes(120)];
    for (const [i, asOf] of asOfs.entries()) {
      expect(await dispatch(t, asOf)).toMatchObject({ processed: 1, affected: 0 });
      row = await notification(t, queued.id);
      expect(row.attempts).toBe(i + 2);
      expect(gateway.hitsFor(queued.id)).toBe(3 * (i + 2));
      if (i < asOfs.length - 1) {
        expect(row.status).toBe('PENDING');
        const next = (await repo.findOneByOrFail({ id: queued.id })).nextAttemptAt;
        expect(next.getTime()).toBeGreaterThan(firstBackoff.getTime());
      }
    }
    expect(row).toMatchObject({ status: 'FAILED', attempts: 5, sentAt: null });
    expect(row.error).toMatch(/500/);

    // A failed message is kept (never lost) and not sent again.
    expect(await dispatch(t, minutes(60 * 24))).toMatchObject({ processed: 0, affected: 0 });
    expect(gateway.hitsFor(queued.id)).toBe(15);
    const failed = await t.ok(NOTIFICATIONS, { filter: { status: 'FAILED' } }, { token: t.adminToken });
    expect(failed.notifications.items.map((n: { id: string }) => n.id)).toEqual([queued.id]);
  });

  it('does not send a message before it is scheduled', async () => {
    const later = await enqueue(t, { scheduledAt: minutes(30) });
    expect(await dispatch(t)).toMatchObject({ processed: 0, affected: 0 });
    expect(gateway.hitsFor(later.id)).toBe(0);
    expect(await dispatch(t, minutes(31))).toMatchObject({ processed: 1, affected: 1 });
    expect(gateway.hitsFor(later.id)).toBe(1);
    expect((await notification(t, later.id)).status).toBe('SENT');
  });

  it('queues a message once per dedupe key, also when two transactions race', async () => {
    const first = await enqueue(t, { dedupeKey: 'dedupe:one' });
    const second = await enqueue(t, {
      dedupeKey: 'dedupe:one',
      data: { name: '王五', plate: '沪B00001', dueDate: '2025-07-01' },
    });
    expect(second.id).toBe(first.id);

    // Two transactions queue the same key at once; the first commits while the second waits on it.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedOnce = new Promise<void>((resolve) => (inserted = resolve));
    const a = t.dataSource.transaction(async (manager) => {
      const n = await t.app.get(NotificationsService).enqueue(manager, {
        template: NotificationTemplate.TIER_UPGRADED,
        recipient: '13900000001',
        data: { name: '赵六', tier: '金卡会员' },
        dedupeKey: 'dedupe:race',
      });
      inserted();
      await gate;
      return n;
    });
    await insertedOnce;
    const b = enqueue(t, {
      template: NotificationTemplate.TIER_UPGRADED,
      recipient: '13900000001',
      data: { name: '赵六', tier: '金卡会员' },
      dedupeKey: 'dedupe:race',
    });
    setTimeout(release, 150);
    const [na, nb] = await Promise.all([a, b]);
    expect(nb.id).toBe(na.id);

    const { notifications } = await t.ok(NOTIFICATIONS, { page: { perPage: 1000 } }, { token: t.adminToken });
    expect(notifications.items).toHaveLength(notifications.total);
    for (const key of ['dedupe:one', 'dedupe:race']) {
      expect(notifications.items.filter((n: { dedupeKey: string }) => n.dedupeKey === key)).toHaveLength(1);
    }
    const row = await notification(t, first.id);
    expect(row.body).toBe('尊敬的张三，您的爱车京A12345预计于2025-06-01需要保养，欢迎预约到店。');
  });

  it('lists the outbox with filters, sort and page totals', async () => {
    const template = NotificationTemplate.POINTS_EXPIRING;
    const queued: Notification[] = [];
    for (const [i, offset] of [3, 1, 2].entries()) {
      queued.push(
        await enqueue(t, {
          template,
          data: { name: `会员${i}`, points: 100 * (i + 1), expiresOn: '2025-12-31' },
          scheduledAt: minutes(offset),
        }),
      );
    }
    const list = (variables: Record<string, unknown>) =>
      t.ok(NOTIFICATIONS, variables, { token: t.adminToken }).then((d) => d.notifications);

    const byTemplate = await list({ filter: { template }, sort: [{ field: 'SCHEDULED_AT', order: 'ASC' }] });
    expect(byTemplate.total).toBe(3);
    expect(byTemplate.items.map((n: { id: string }) => n.id)).toEqual([
      queued[1].id,
      queued[2].id,
      queued[0].id,
    ]);
    expect(byTemplate.items.map((n: { body: string }) => n.body)).toEqual([
      '尊敬的会员1，您有200积分将于2025-12-31过期，请及时使用。',
      '尊敬的会员2，您有300积分将于2025-12-31过期，请及时使用。',
      '尊敬的会员0，您有100积分将于2025-12-31过期，请及时使用。',
    ]);
    expect(
      byTemplate.items.every(
        (n: { template: string; status: string; channel: string }) =>
          n.template === template && n.status === 'PENDING' && n.channel === 'SMS',
      ),
    ).toBe(true);

    const desc = await list({
      filter: { template },
      sort: [{ field: 'SCHEDULED_AT', order: 'DESC' }],
      page: { page: 1, perPage: 2 },
    });
    expect(desc.total).toBe(3);
    expect(desc.items.map((n: { id: string }) => n.id)).toEqual([queued[0].id, queued[2].id]);
    const lastPage = await list({
      filter: { template },
      sort: [{ field: 'SCHEDULED_AT', order: 'DESC' }],
      page: { page: 2, perPage: 2 },
    });
    expect(lastPage.total).toBe(3);
    expect(lastPage.items.map((n: { id: string }) => n.id)).toEqual([queued[1].id]);

    const pendingOfTemplate = await list({ filter: { template, status: 'PENDING' } });
    expect(pendingOfTemplate.total).toBe(3);
    expect((await list({ filter: { template, status: 'SENT' } })).total).toBe(0);

    const sent = await list({ filter: { status: 'SENT' }, page: { perPage: 100 } });
    expect(sent.total).toBe(3); // the first, the retried and the scheduled one
    expect(
      sent.items.every((n: { status: string; sentAt: string | null }) => n.status === 'SENT' && n.sentAt),
    ).toBe(true);

    const byMember = await list({ filter: { memberId: queued[2].memberId } });
    expect(byMember.items.map((n: { id: string }) => n.id)).toEqual([queued[2].id]);

    const marketing = await t.staffToken('MARKETING');
    expect(
      (await t.ok(NOTIFICATIONS, { filter: { template } }, { token: marketing })).notifications.total,
    ).toBe(3);
    const storeStaff = await t.staffToken('STORE_STAFF');
    expect((await t.gql(NOTIFICATIONS, {}, { token: storeStaff })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('marks messages SENT through the log sender when no webhook is configured', async () => {
    const logOnly = await startTestApp();
    try {
      const queued = await enqueue(logOnly, { dedupeKey: 'log:one' });
      const before = gateway.received.length;
      expect(await dispatch(logOnly)).toMatchObject({ processed: 1, affected: 1 });
      expect(gateway.received.length).toBe(before);
      const row = await notification(logOnly, queued.id);
      expect(row).toMatchObject({ status: 'SENT', attempts: 1, error: null });
      expect(row.sentAt).toBeTruthy();
      expect(await dispatch(logOnly)).toMatchObject({ processed: 0, affected: 0 });
    } finally {
      await logOnly.close();
    }
  });

  // Last: it sends messages the listing test above counts.
  it('holds marketing messages through the quiet hours (21:00–08:00 programme time), not service ones', async () => {
    const scheduledAt = new Date('2026-11-20T10:00:00Z'); // 18:00 in Shanghai
    const birthday = await enqueue(t, {
      template: NotificationTemplate.BIRTHDAY,
      data: { name: '钱七' },
      scheduledAt,
    });
    const service = await enqueue(t, { scheduledAt });
    await dispatch(t, new Date('2026-11-20T14:30:00Z')); // 22:30 in Shanghai
    expect(gateway.hitsFor(service.id)).toBe(1);
    expect(gateway.hitsFor(birthday.id)).toBe(0);
    expect((await notification(t, birthday.id)).status).toBe('PENDING');
    await dispatch(t, new Date('2026-11-20T23:59:00Z')); // 07:59
    expect(gateway.hitsFor(birthday.id)).toBe(0);
    await dispatch(t, new Date('2026-11-21T00:00:00Z')); // 08:00
    expect(gateway.hitsFor(birthday.id)).toBe(1);
    expect((await notification(t, birthday.id)).status).toBe('SENT');
  });
});
