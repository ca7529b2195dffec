/**
 * Complaints (投诉): filing with the SLA clock and ticket numbers, the status steps and their
 * timeline, illegal steps, validation, escalation by the job, the overdue filter, the figures,
 * store scoping and the member app's fileComplaint.
 */
import {
  ACKNOWLEDGE_COMPLAINT,
  ADD_COMPLAINT_NOTE,
  ASSIGN_COMPLAINT,
  CLOSE_COMPLAINT,
  COMPLAINT,
  COMPLAINT_STATS,
  COMPLAINTS,
  CREATE_COMPLAINT,
  FILE_COMPLAINT,
  ME,
  MEMBER_LOGIN,
  NOTIFICATIONS,
  REOPEN_COMPLAINT,
  REQUEST_MEMBER_LOGIN_CODE,
  RESOLVE_COMPLAINT,
  RUN_JOB,
  UPDATE_COMPLAINT,
  UPDATE_STAFF_USER,
} from './support/contract';
import {
  apiKey,
  countStatements,
  createDealership,
  createMember,
  lastCodeSentTo,
  recordTransaction,
  uniqueVin,
} from './support/fixtures';
import { errorCode, GqlResult, startTestApp, TestApp } from './support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL results, checked by the assertions
type Complaint = Record<string, any>;

/** The programme-time-zone (Asia/Shanghai) date of an instant as yyyyMMdd. */
const shanghaiDate = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(instant)
    .replace(/-/g, '');
const ms = (iso: string) => new Date(iso).getTime();

describe('complaints (投诉)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let storeA: string;
  let storeB: string;
  let memberA: Awaited<ReturnType<typeof createMember>>;
  let memberB: Awaited<ReturnType<typeof createMember>>;

  const as = (who: string) => ({ token: tokens[who] });
  /** A staff user of a role (at a dealership): its token under `name`, its id in `ids`. */
  const staff = async (name: string, role: string, dealershipId: string | null = null) => {
    tokens[name] = await t.staffToken(role, dealershipId);
    ids[name] = (await t.ok(ME, {}, as(name))).me.id;
  };
  const create = async (input: Record<string, unknown> = {}, who = 'cs'): Promise<Complaint> =>
    (
      await t.ok(
        CREATE_COMPLAINT,
        { input: { category: 'SERVICE_ATTITUDE', channel: 'PHONE', subject: '服务顾问态度冷淡', ...input } },
        as(who),
      )
    ).createComplaint;
  const read = async (id: string, who = 'admin'): Promise<Complaint | null> =>
    (await t.ok(COMPLAINT, { id }, as(who))).complaint;
  const acknowledge = (id: string, who = 'cs') => t.gql(ACKNOWLEDGE_COMPLAINT, { id }, as(who));
  const assign = (complaintId: string, assigneeId: string, who = 'cs') =>
    t.gql(ASSIGN_COMPLAINT, { input: { complaintId, assigneeId } }, as(who));
  const note = (complaintId: string, text: string, who = 'cs') =>
    t.gql(ADD_COMPLAINT_NOTE, { input: { complaintId, note: text } }, as(who));
  const resolve = (
    complaintId: string,
    who = 'cs',
    outcome = 'RESOLVED_EXPLAINED',
    resolution = '已向客户解释收费明细',
  ) => t.gql(RESOLVE_COMPLAINT, { input: { complaintId, outcome, resolution } }, as(who));
  const close = (complaintId: string, satisfaction?: number, feedback?: string, who = 'cs') =>
    t.gql(CLOSE_COMPLAINT, { input: { complaintId, satisfaction, feedback } }, as(who));
  const reopen = (complaintId: string, reason = '客户来电表示问题依旧', who = 'cs') =>
    t.gql(REOPEN_COMPLAINT, { input: { complaintId, reason } }, as(who));
  const update = (id: string, input: Record<string, unknown>, who = 'cs') =>
    t.gql(UPDATE_COMPLAINT, { id, input }, as(who));
  const expectOk = (result: GqlResult) => {
    expect(result.errors).toBeUndefined();
    return result.data;
  };
  /** A complaint taken to a status through the API. */
  const inStatus = async (status: string, input: Record<string, unknown> = {}): Promise<Complaint> => {
    const c = await create(input);
    if (status === 'OPEN') return (await read(c.id))!;
    expectOk(await acknowledge(c.id));
    if (status === 'ACKNOWLEDGED') return (await read(c.id))!;
    expectOk(await assign(c.id, ids.cs));
    if (status === 'IN_PROGRESS') return (await read(c.id))!;
    expectOk(await resolve(c.id));
    if (status === 'RESOLVED') return (await read(c.id))!;
    expectOk(await close(c.id, 5));
    return (await read(c.id))!;
  };
  const runEscalation = async (asOf: Date) => {
    const run = (
      await t.ok(RUN_JOB, { input: { job: 'COMPLAINT_ESCALATION', asOf: asOf.toISOString() } }, as('admin'))
    ).runJob;
    expect(run.status).toBe('SUCCEEDED');
    return run;
  };
  const escalationNotices = async (complaintId: string) => {
    const page = (
      await t.ok(
        NOTIFICATIONS,
        { filter: { template: 'COMPLAINT_ESCALATED' }, page: { perPage: 1000 } },
        as('admin'),
      )
    ).notifications;
    return (page.items as { dedupeKey: string; body: string; channel: string }[])
      .filter((n) => n.dedupeKey.startsWith(`complaint-escalated:${complaintId}:`))
      .sort((a, b) => a.dedupeKey.localeCompare(b.dedupeKey));
  };
  /** Moves a complaint's clock back: every timestamp (and its events) `by` milliseconds earlier. */
  const backdate = async (id: string, by: number) => {
    const rows: Record<string, unknown>[] = await t.dataSource.query(
      'SELECT `createdAt`, `acknowledgeDueAt`, `resolveDueAt`, `acknowledgedAt`, `resolvedAt`, `closedAt` FROM `complaint` WHERE `id` = ?',
      [id],
    );
    const sets: string[] = [];
    const values: unknown[] = [];
    for (const [column, value] of Object.entries(rows[0])) {
      if (value === null) continue;
      const at = new Date(
        new Date(typeof value === 'string' ? `${value.replace(' ', 'T')}Z` : (value as Date)).getTime() - by,
      );
      sets.push(`\`${column}\` = ?`);
      values.push(t.databaseKind === 'mysql' ? at : at.toISOString().replace('T', ' ').replace('Z', ''));
    }
    await t.dataSource.query(`UPDATE \`complaint\` SET ${sets.join(', ')} WHERE \`id\` = ?`, [...values, id]);
  };
  /** Sets a complaint's timestamps outright (ISO strings; null clears). */
  const setTimes = async (id: string, times: Record<string, string | null>) => {
    const sets = Object.keys(times).map((c) => `\`${c}\` = ?`);
    const values = Object.values(times).map((v) =>
      v === null
        ? null
        : t.databaseKind === 'mysql'
          ? new Date(v)
          : new Date(v).toISOString().replace('T', ' ').replace('Z', ''),
    );
    await t.dataSource.query(`UPDATE \`complaint\` SET ${sets.join(', ')} WHERE \`id\` = ?`, [...values, id]);
  };
  const total = async () =>
    (await t.ok(COMPLAINTS, { page: { perPage: 1 } }, as('admin'))).complaints.total as number;
  const eventCount = async (id: string) => (await read(id))!.events.length as number;

  beforeAll(async () => {
    t = await startTestApp();
    tokens.admin = t.adminToken;
    ids.admin = (await t.ok(ME, {}, as('admin'))).me.id;
    storeA = await createDealership(t, 'CMP-A', '上海浦东宝马4S店');
    storeB = await createDealership(t, 'CMP-B', '北京朝阳奥迪4S店');
    await staff('cs', 'CUSTOMER_SERVICE');
    await staff('storeA', 'STORE_STAFF', storeA);
    await staff('storeB', 'STORE_STAFF', storeB);
    await staff('marketing', 'MARKETING');
    await staff('finance', 'FINANCE');
    memberA = await createMember(t, {
      name: '王先生',
      homeDealershipId: storeA,
      vehicle: { vin: uniqueVin(), plateNumber: '沪A12345' },
    });
    memberB = await createMember(t, {
      name: '李女士',
      homeDealershipId: storeB,
      vehicle: { vin: uniqueVin(), plateNumber: '京N54321' },
    });
  });
  afterAll(() => t?.close());

  describe('createComplaint', () => {
    it('opens a ticket TS+date-NNNN with SLA due times from createdAt by priority', async () => {
      const expected: Record<string, { ack: number; resolve: number }> = {
        LOW: { ack: 30 * MINUTE, resolve: 120 * HOUR },
        NORMAL: { ack: 30 * MINUTE, resolve: 48 * HOUR },
        HIGH: { ack: 30 * MINUTE, resolve: 48 * HOUR },
        URGENT: { ack: 15 * MINUTE, resolve: 24 * HOUR },
      };
      const tickets: string[] = [];
      for (const priority of Object.keys(expected)) {
        const c = await create({ priority, memberId: memberA.id, dealershipId: storeA });
        expect(c).toMatchObject({
          status: 'OPEN',
          priority,
          channel: 'PHONE',
          memberId: memberA.id,
          dealershipId: storeA,
          escalationLevel: 0,
          overdue: false,
          assigneeId: null,
          acknowledgedAt: null,
          resolvedAt: null,
          closedAt: null,
          outcome: null,
          satisfaction: null,
        });
        expect(ms(c.acknowledgeDueAt) - ms(c.createdAt)).toBe(expected[priority].ack);
        expect(ms(c.resolveDueAt) - ms(c.createdAt)).toBe(expected[priority].resolve);
        expect(c.ticketNo).toMatch(/^TS\d{8}-\d{4}$/);
        expect(c.ticketNo.slice(2, 10)).toBe(shanghaiDate(new Date(c.createdAt)));
        tickets.push(c.ticketNo);
      }
      // The daily sequence counts up by one.
      const seq = tickets.map((n) => Number(n.slice(-4)));
      expect(seq).toEqual(seq.map((_, i) => seq[0] + i));

      const byDefault = await create({ memberId: memberA.id });
      expect(byDefault.priority).toBe('NORMAL');
      expect(byDefault.dealershipId).toBe(storeA); // the member's home dealership
      expect(ms(byDefault.acknowledgeDueAt) - ms(byDefault.createdAt)).toBe(30 * MINUTE);

      const timeline = (await read(byDefault.id))!.events;
      expect(timeline).toEqual([
        expect.objectContaining({
          type: 'CREATED',
          actorId: ids.cs,
          actorName: 'CUSTOMER_SERVICE user',
          fromStatus: null,
          toStatus: 'OPEN',
        }),
      ]);
    });

    it('takes the transaction’s dealership, and store staff always their own', async () => {
      const txn = await recordTransaction(t, { dealershipId: storeB, memberId: memberA.id });
      const c = await create({ memberId: memberA.id, transactionId: txn.id, category: 'OVERCHARGING' });
      expect(c).toMatchObject({ dealershipId: storeB, transactionId: txn.id });

      const atStore = await create({ memberId: memberB.id, channel: 'STORE' }, 'storeA');
      expect(atStore.dealershipId).toBe(storeA);
      const elsewhere = await t.gql(
        CREATE_COMPLAINT,
        { input: { category: 'LONG_WAIT', channel: 'STORE', subject: '等待时间过长', dealershipId: storeB } },
        as('storeA'),
      );
      expect(errorCode(elsewhere)).toBe('FORBIDDEN');
    });

    it('gives concurrent filings distinct consecutive ticket numbers', async () => {
      const made = await Promise.all(
        Array.from({ length: 25 }, (_, i) => create({ subject: `并发投诉 ${i}`, dealershipId: storeA })),
      );
      const numbers = made.map((c) => c.ticketNo).sort();
      expect(new Set(numbers).size).toBe(25);
      const seq = numbers.map((n) => Number(n.slice(-4)));
      expect(seq[24] - seq[0]).toBe(24);
    });

    it('refuses bad references and input with BAD_USER_INPUT naming the fields, writing nothing', async () => {
      const before = await total();
      const txnB = await recordTransaction(t, { dealershipId: storeB, memberId: memberB.id });
      const cases: [Record<string, unknown>, string[]][] = [
        [{ memberId: 'no-such-member' }, ['input.memberId']],
        [{ dealershipId: 'no-such-dealership' }, ['input.dealershipId']],
        [{ memberId: memberA.id, vehicleId: memberB.vehicles[0].id }, ['input.vehicleId']],
        [{ memberId: memberA.id, vehicleId: 'no-such-vehicle' }, ['input.vehicleId']],
        [{ memberId: memberA.id, transactionId: txnB.id }, ['input.transactionId']],
        [{ vehicleId: memberA.vehicles[0].id }, ['input.vehicleId']],
        [
          { memberId: memberA.id, vehicleId: memberB.vehicles[0].id, transactionId: txnB.id },
          ['input.vehicleId', 'input.transactionId'],
        ],
        [{ subject: 'x' }, ['input.subject']],
        [{ subject: '   ' }, ['input.subject']],
        [{ subject: '长'.repeat(201) }, ['input.subject']],
      ];
      for (const [input, fields] of cases) {
        const result = await t.gql(
          CREATE_COMPLAINT,
          { input: { category: 'OTHER', channel: 'PHONE', subject: '正常主题', ...input } },
          as('cs'),
        );
        expect({ input, code: errorCode(result) }).toEqual({ input, code: 'BAD_USER_INPUT' });
        expect(Object.keys(result.errors![0].extensions!.fields!).sort()).toEqual([...fields].sort());
      }
      expect(await total()).toBe(before);

      // A vehicle and a transaction of the member are fine.
      const txnA = await recordTransaction(t, { dealershipId: storeA, memberId: memberA.id });
      const ok = await create({
        memberId: memberA.id,
        vehicleId: memberA.vehicles[0].id,
        transactionId: txnA.id,
      });
      expect(ok).toMatchObject({
        vehicleId: memberA.vehicles[0].id,
        transactionId: txnA.id,
        dealershipId: storeA,
      });
    });
  });

  describe('the life cycle', () => {
    it('goes OPEN → ACKNOWLEDGED → IN_PROGRESS → RESOLVED → (reopened) → RESOLVED → CLOSED, each step on the timeline', async () => {
      const c = await create({
        memberId: memberA.id,
        dealershipId: storeA,
        category: 'NOT_FIXED_FIRST_TIME',
        subject: '异响修了两次仍未解决',
      });

      const acked = expectOk(await acknowledge(c.id)).acknowledgeComplaint;
      expect(acked).toMatchObject({ id: c.id, status: 'ACKNOWLEDGED' });
      expect(ms(acked.acknowledgedAt)).toBeGreaterThanOrEqual(ms(c.createdAt));

      const updated = expectOk(
        await update(c.id, { subject: '底盘异响修了两次仍未解决', description: '客户称过减速带有异响' }),
      ).updateComplaint;
      expect(updated).toMatchObject({
        subject: '底盘异响修了两次仍未解决',
        description: '客户称过减速带有异响',
        status: 'ACKNOWLEDGED',
      });

      const assigned = expectOk(await assign(c.id, ids.storeA)).assignComplaint;
      expect(assigned).toEqual({ id: c.id, status: 'IN_PROGRESS', assigneeId: ids.storeA });

      const noted = expectOk(await note(c.id, '已约客户周六到店复检', 'storeA')).addComplaintNote;
      expect(noted.events[noted.events.length - 1]).toMatchObject({
        type: 'NOTE',
        note: '已约客户周六到店复检',
      });

      const reassigned = expectOk(await assign(c.id, ids.cs)).assignComplaint;
      expect(reassigned).toEqual({ id: c.id, status: 'IN_PROGRESS', assigneeId: ids.cs });

      const resolved = expectOk(
        await resolve(c.id, 'cs', 'RESOLVED_REPAIRED', '更换右前下摆臂衬套，试车无异响'),
      ).resolveComplaint;
      expect(resolved).toMatchObject({
        id: c.id,
        status: 'RESOLVED',
        outcome: 'RESOLVED_REPAIRED',
        resolution: '更换右前下摆臂衬套，试车无异响',
      });
      expect(resolved.resolvedAt).toEqual(expect.any(String));

      expect(expectOk(await reopen(c.id, '客户反馈异响再次出现')).reopenComplaint).toEqual({
        id: c.id,
        status: 'IN_PROGRESS',
      });
      const reopened = (await read(c.id))!;
      expect(reopened).toMatchObject({
        status: 'IN_PROGRESS',
        resolvedAt: null,
        outcome: null,
        resolution: null,
        assigneeId: ids.cs,
      });
      // The due times stay: the SLA counts from filing.
      expect(reopened.resolveDueAt).toBe(c.resolveDueAt);
      expect(reopened.acknowledgeDueAt).toBe(c.acknowledgeDueAt);

      expectOk(await resolve(c.id, 'cs', 'RESOLVED_COMPENSATED', '更换减振器并赠送一次保养'));
      const closed = expectOk(await close(c.id, 4, '处理及时，比较满意')).closeComplaint;
      expect(closed).toMatchObject({ id: c.id, status: 'CLOSED', satisfaction: 4 });
      expect(closed.closedAt).toEqual(expect.any(String));

      const final = (await read(c.id))!;
      expect(final).toMatchObject({
        status: 'CLOSED',
        outcome: 'RESOLVED_COMPENSATED',
        satisfaction: 4,
        overdue: false,
      });
      expect(final.acknowledgedAt).toBe(acked.acknowledgedAt);
      const cs = { actorId: ids.cs, actorName: 'CUSTOMER_SERVICE user' };
      expect(
        final.events.map((e: Record<string, unknown>) => ({ ...e, id: undefined, createdAt: undefined })),
      ).toEqual([
        { type: 'CREATED', note: 'Filed by PHONE', ...cs, fromStatus: null, toStatus: 'OPEN' },
        { type: 'ACKNOWLEDGED', note: null, ...cs, fromStatus: 'OPEN', toStatus: 'ACKNOWLEDGED' },
        {
          type: 'UPDATED',
          note: 'Changed subject; description',
          ...cs,
          fromStatus: 'ACKNOWLEDGED',
          toStatus: 'ACKNOWLEDGED',
        },
        {
          type: 'ASSIGNED',
          note: 'Assigned to STORE_STAFF user',
          ...cs,
          fromStatus: 'ACKNOWLEDGED',
          toStatus: 'IN_PROGRESS',
        },
        {
          type: 'NOTE',
          note: '已约客户周六到店复检',
          actorId: ids.storeA,
          actorName: 'STORE_STAFF user',
          fromStatus: 'IN_PROGRESS',
          toStatus: 'IN_PROGRESS',
        },
        {
          type: 'ASSIGNED',
          note: 'Reassigned from STORE_STAFF user to CUSTOMER_SERVICE user',
          ...cs,
          fromStatus: 'IN_PROGRESS',
          toStatus: 'IN_PROGRESS',
        },
        {
          type: 'RESOLVED',
          note: 'RESOLVED_REPAIRED: 更换右前下摆臂衬套，试车无异响',
          ...cs,
          fromStatus: 'IN_PROGRESS',
          toStatus: 'RESOLVED',
        },
        {
          type: 'REOPENED',
          note: '客户反馈异响再次出现',
          ...cs,
          fromStatus: 'RESOLVED',
          toStatus: 'IN_PROGRESS',
        },
        {
          type: 'RESOLVED',
          note: 'RESOLVED_COMPENSATED: 更换减振器并赠送一次保养',
          ...cs,
          fromStatus: 'IN_PROGRESS',
          toStatus: 'RESOLVED',
        },
        {
          type: 'CLOSED',
          note: 'Satisfaction 4/5: 处理及时，比较满意',
          ...cs,
          fromStatus: 'RESOLVED',
          toStatus: 'CLOSED',
        },
      ]);
      const times = final.events.map((e: { createdAt: string }) => ms(e.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBe(ms(c.createdAt));
    });

    it('acknowledges an OPEN complaint on assignment; assigning the same handler again changes nothing', async () => {
      const c = await create({ dealershipId: storeA });
      const assigned = expectOk(await assign(c.id, ids.storeA)).assignComplaint;
      expect(assigned).toEqual({ id: c.id, status: 'IN_PROGRESS', assigneeId: ids.storeA });
      const after = (await read(c.id))!;
      expect(after.acknowledgedAt).toEqual(expect.any(String));
      expect(after.events.map((e: Record<string, string>) => [e.type, e.fromStatus, e.toStatus])).toEqual([
        ['CREATED', null, 'OPEN'],
        ['ACKNOWLEDGED', 'OPEN', 'ACKNOWLEDGED'],
        ['ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS'],
      ]);
      expectOk(await assign(c.id, ids.storeA));
      expect(await eventCount(c.id)).toBe(3);
    });

    it('recomputes the due times from createdAt when the priority changes', async () => {
      const c = await create({ dealershipId: storeA });
      const urgent = expectOk(await update(c.id, { priority: 'URGENT' })).updateComplaint;
      expect(urgent.createdAt).toBe(c.createdAt);
      expect(ms(urgent.acknowledgeDueAt) - ms(c.createdAt)).toBe(15 * MINUTE);
      expect(ms(urgent.resolveDueAt) - ms(c.createdAt)).toBe(24 * HOUR);
      const low = expectOk(await update(c.id, { priority: 'LOW', category: 'LONG_WAIT' })).updateComplaint;
      expect(ms(low.acknowledgeDueAt) - ms(c.createdAt)).toBe(30 * MINUTE);
      expect(ms(low.resolveDueAt) - ms(c.createdAt)).toBe(120 * HOUR);
      const events = (await read(c.id))!.events;
      expect(events.slice(1).map((e: { type: string; note: string }) => [e.type, e.note])).toEqual([
        ['UPDATED', 'Changed priority: NORMAL → URGENT'],
        ['UPDATED', 'Changed category: SERVICE_ATTITUDE → LONG_WAIT; priority: URGENT → LOW'],
      ]);
      // Nothing changed: no event.
      expectOk(await update(c.id, { priority: 'LOW' }));
      expect(await eventCount(c.id)).toBe(3);
      const cleared = await update(c.id, { subject: null, priority: null });
      expect(errorCode(cleared)).toBe('BAD_USER_INPUT');
      expect(Object.keys(cleared.errors![0].extensions!.fields!).sort()).toEqual([
        'input.priority',
        'input.subject',
      ]);
    });

    it('refuses every illegal step with INVALID_STATE and writes nothing', async () => {
      const steps: Record<string, (id: string) => Promise<GqlResult>> = {
        acknowledge: (id) => acknowledge(id),
        assign: (id) => assign(id, ids.cs),
        note: (id) => note(id, '备注'),
        resolve: (id) => resolve(id),
        close: (id) => close(id, 5),
        reopen: (id) => reopen(id),
        update: (id) => update(id, { subject: '改一下主题' }),
      };
      const illegal: Record<string, string[]> = {
        OPEN: ['resolve', 'close', 'reopen'],
        ACKNOWLEDGED: ['acknowledge', 'close', 'reopen'],
        IN_PROGRESS: ['acknowledge', 'close', 'reopen'],
        RESOLVED: ['acknowledge', 'assign', 'resolve'],
        CLOSED: ['acknowledge', 'assign', 'note', 'resolve', 'close', 'reopen', 'update'],
      };
      for (const [status, names] of Object.entries(illegal)) {
        const c = await inStatus(status, { dealershipId: storeA });
        expect(c.status).toBe(status);
        for (const name of names) {
          const result = await steps[name](c.id);
          expect({ status, name, code: errorCode(result) }).toEqual({ status, name, code: 'INVALID_STATE' });
          expect(await read(c.id)).toEqual(c);
        }
      }
    });

    it('applies only one of several concurrent resolves; concurrent notes all land', async () => {
      const c = await inStatus('IN_PROGRESS', { dealershipId: storeA });
      const results = await Promise.all([
        ...Array.from({ length: 5 }, () => resolve(c.id)),
        acknowledge(c.id),
        ...Array.from({ length: 3 }, (_, i) => note(c.id, `并发备注 ${i}`)),
      ]);
      const codes = results.map(errorCode);
      expect(codes.slice(0, 5).filter((code) => code === undefined)).toHaveLength(1);
      expect(codes.slice(0, 5).filter((code) => code === 'INVALID_STATE')).toHaveLength(4);
      expect(codes[5]).toBe('INVALID_STATE');
      expect(codes.slice(6)).toEqual([undefined, undefined, undefined]);
      const after = (await read(c.id))!;
      expect(after.status).toBe('RESOLVED');
      expect(after.events.filter((e: { type: string }) => e.type === 'RESOLVED')).toHaveLength(1);
      expect(after.events.filter((e: { type: string }) => e.type === 'NOTE')).toHaveLength(3);
    });

    it('validates the steps’ input with BAD_USER_INPUT naming the fields, writing nothing', async () => {
      const open = await inStatus('OPEN', { dealershipId: storeA });
      const resolved = await inStatus('RESOLVED', { dealershipId: storeA });
      await staff('storeB2', 'STORE_STAFF', storeB);
      await staff('inactive', 'CUSTOMER_SERVICE');
      expectOk(await t.gql(UPDATE_STAFF_USER, { id: ids.inactive, input: { active: false } }, as('admin')));
      const cases: [string, () => Promise<GqlResult>, string][] = [
        ['no such assignee', () => assign(open.id, 'no-such-staff'), 'input.assigneeId'],
        ['marketing assignee', () => assign(open.id, ids.marketing), 'input.assigneeId'],
        ['assignee of another store', () => assign(open.id, ids.storeB2), 'input.assigneeId'],
        ['inactive assignee', () => assign(open.id, ids.inactive), 'input.assigneeId'],
        ['empty note', () => note(open.id, '  '), 'input.note'],
        ['satisfaction 0', () => close(resolved.id, 0), 'input.satisfaction'],
        ['satisfaction 6', () => close(resolved.id, 6), 'input.satisfaction'],
        ['empty resolution', () => resolve(open.id, 'cs', 'UNFOUNDED', ''), 'input.resolution'],
        ['empty reason', () => reopen(resolved.id, ' '), 'input.reason'],
        [
          'unknown dealership',
          () => update(open.id, { dealershipId: 'no-such-dealership' }),
          'input.dealershipId',
        ],
      ];
      for (const [label, run, field] of cases) {
        const result = await run();
        expect({ label, code: errorCode(result) }).toEqual({ label, code: 'BAD_USER_INPUT' });
        expect(Object.keys(result.errors![0].extensions!.fields!)).toEqual([field]);
      }
      expect(await read(open.id)).toEqual(open);
      expect(await read(resolved.id)).toEqual(resolved);
      // A store-bound handler of the complaint's own dealership, and group staff, may take it.
      expect(expectOk(await assign(open.id, ids.storeA)).assignComplaint.assigneeId).toBe(ids.storeA);
      expect(expectOk(await assign(open.id, ids.admin)).assignComplaint.assigneeId).toBe(ids.admin);
      const closed = expectOk(await close(resolved.id)).closeComplaint;
      expect(closed).toMatchObject({ status: 'CLOSED', satisfaction: null });
    });
  });

  describe('complaints list', () => {
    it('filters by q over ticket number and subject, by member, status, category, priority and dates', async () => {
      const shop = await createDealership(t);
      const a = await create({
        dealershipId: shop,
        subject: '保养后机油渗漏',
        category: 'PRODUCT_QUALITY',
        priority: 'HIGH',
        memberId: memberA.id,
      });
      const b = await create({
        dealershipId: shop,
        subject: '销售承诺的赠品未兑现',
        category: 'BROKEN_PROMISE',
      });
      expectOk(await acknowledge(b.id));
      const list = async (filter: Record<string, unknown>) =>
        (
          (await t.ok(COMPLAINTS, { filter: { dealershipId: shop, ...filter } }, as('cs'))).complaints
            .items as Complaint[]
        )
          .map((c) => c.id)
          .sort();
      expect(await list({})).toEqual([a.id, b.id].sort());
      expect(await list({ q: '机油' })).toEqual([a.id]);
      expect(await list({ q: b.ticketNo.slice(-7) })).toEqual([b.id]);
      expect(await list({ memberId: memberA.id })).toEqual([a.id]);
      expect(await list({ status: 'ACKNOWLEDGED' })).toEqual([b.id]);
      expect(await list({ category: 'PRODUCT_QUALITY' })).toEqual([a.id]);
      expect(await list({ priority: 'HIGH' })).toEqual([a.id]);
      expect(await list({ ids: [b.id] })).toEqual([b.id]);
      expect(await list({ createdFrom: new Date(Date.now() + HOUR).toISOString() })).toEqual([]);
      expect(await list({ createdTo: new Date(Date.now() + HOUR).toISOString() })).toEqual(
        [a.id, b.id].sort(),
      );
      const page = (await t.ok(COMPLAINTS, { filter: { ids: [a.id] } }, as('cs'))).complaints;
      expect(page.items[0]).toMatchObject({ member: { id: memberA.id, name: '王先生' }, assignee: null });
    });

    it('sorts by priority (urgency) and status (life cycle), not alphabetically', async () => {
      const shop = await createDealership(t);
      for (const priority of ['HIGH', 'LOW', 'URGENT', 'NORMAL'])
        await create({ dealershipId: shop, priority });
      const byPriority = (
        await t.ok(
          COMPLAINTS,
          { filter: { dealershipId: shop }, sort: [{ field: 'PRIORITY', order: 'DESC' }] },
          as('cs'),
        )
      ).complaints.items;
      expect(byPriority.map((c: Complaint) => c.priority)).toEqual(['URGENT', 'HIGH', 'NORMAL', 'LOW']);

      const other = await createDealership(t);
      for (const status of ['RESOLVED', 'OPEN', 'CLOSED', 'IN_PROGRESS', 'ACKNOWLEDGED'])
        await inStatus(status, { dealershipId: other });
      const byStatus = (
        await t.ok(
          COMPLAINTS,
          { filter: { dealershipId: other }, sort: [{ field: 'STATUS', order: 'ASC' }] },
          as('cs'),
        )
      ).complaints.items;
      expect(byStatus.map((c: Complaint) => c.status)).toEqual([
        'OPEN',
        'ACKNOWLEDGED',
        'IN_PROGRESS',
        'RESOLVED',
        'CLOSED',
      ]);
      const byDue = (
        await t.ok(
          COMPLAINTS,
          { filter: { dealershipId: shop }, sort: [{ field: 'RESOLVE_DUE_AT', order: 'ASC' }] },
          as('cs'),
        )
      ).complaints.items;
      // URGENT 24 h, HIGH and NORMAL 48 h (HIGH filed first), LOW 120 h.
      expect(byDue.map((c: Complaint) => c.priority)).toEqual(['URGENT', 'HIGH', 'NORMAL', 'LOW']);
    });

    it('loads members, assignees and timelines in batches (no N+1)', async () => {
      const shop = await createDealership(t);
      for (let i = 0; i < 12; i++) {
        const c = await create({ dealershipId: shop, memberId: i % 2 ? memberA.id : memberB.id });
        expectOk(await assign(c.id, i % 2 ? ids.cs : ids.admin));
      }
      const query = `query($filter: ComplaintFilter, $page: PageInput) {
        complaints(filter: $filter, page: $page) { items { id overdue member { id name } assignee { id name } dealership { id name } events { id type } } total }
      }`;
      const small = await countStatements(t, () =>
        t.ok(query, { filter: { dealershipId: shop }, page: { perPage: 2 } }, as('cs')),
      );
      const large = await countStatements(t, () =>
        t.ok(query, { filter: { dealershipId: shop }, page: { perPage: 12 } }, as('cs')),
      );
      // A statement per row would add ten or more; tick timing may merge or split a batch.
      expect(large).toBeLessThanOrEqual(small + 2);
    });
  });

  describe('access', () => {
    it('keeps store staff to their own dealership: they cannot see or act on another store’s complaints', async () => {
      const atA = await create({ dealershipId: storeA, subject: '门店A的投诉' });
      const atB = await create({ dealershipId: storeB, subject: '门店B的投诉' });

      const seenByA = (await t.ok(COMPLAINTS, { page: { perPage: 1000 } }, as('storeA'))).complaints;
      expect(seenByA.items.every((c: Complaint) => c.dealershipId === storeA)).toBe(true);
      expect(seenByA.items.map((c: Complaint) => c.id)).toContain(atA.id);
      const asked = (await t.ok(COMPLAINTS, { filter: { dealershipId: storeB } }, as('storeA'))).complaints;
      expect(asked.total).toBe(0);
      expect(await read(atB.id, 'storeA')).toBeNull();
      expect((await read(atA.id, 'storeA'))!.id).toBe(atA.id);

      const before = await read(atB.id);
      for (const attempt of [
        () => acknowledge(atB.id, 'storeA'),
        () => assign(atB.id, ids.storeA, 'storeA'),
        () => note(atB.id, '越权备注', 'storeA'),
        () => update(atB.id, { priority: 'URGENT' }, 'storeA'),
      ]) {
        expect(errorCode(await attempt())).toBe('NOT_FOUND');
      }
      expect(await read(atB.id)).toEqual(before);
      expect(errorCode(await update(atA.id, { dealershipId: storeB }, 'storeA'))).toBe('FORBIDDEN');

      // Their own store's complaints they handle end to end.
      expectOk(await acknowledge(atA.id, 'storeA'));
      expectOk(await assign(atA.id, ids.storeA, 'storeA'));
      expectOk(await resolve(atA.id, 'storeA'));
      expectOk(await close(atA.id, 5, undefined, 'storeA'));
    });

    it('refuses MARKETING and FINANCE with FORBIDDEN; API keys need complaints:read / complaints:write', async () => {
      const c = await create({ dealershipId: storeA });
      for (const who of ['marketing', 'finance']) {
        expect(errorCode(await t.gql(COMPLAINTS, {}, as(who)))).toBe('FORBIDDEN');
        expect(errorCode(await t.gql(COMPLAINT, { id: c.id }, as(who)))).toBe('FORBIDDEN');
        expect(errorCode(await acknowledge(c.id, who))).toBe('FORBIDDEN');
        expect(
          errorCode(
            await t.gql(
              CREATE_COMPLAINT,
              { input: { category: 'OTHER', channel: 'PHONE', subject: '测试主题' } },
              as(who),
            ),
          ),
        ).toBe('FORBIDDEN');
      }
      expect(errorCode(await t.gql(COMPLAINTS, {}))).toBe('UNAUTHENTICATED');

      const reader = await apiKey(t, ['complaints:read']);
      const writer = await apiKey(t, ['complaints:write']);
      const other = await apiKey(t, ['members:read']);
      expect((await t.ok(COMPLAINT, { id: c.id }, { apiKey: reader })).complaint.id).toBe(c.id);
      expect(errorCode(await t.gql(COMPLAINT, { id: c.id }, { apiKey: other }))).toBe('FORBIDDEN');
      const input = {
        category: 'LONG_WAIT',
        channel: 'WECHAT',
        subject: '公众号留言：等待时间过长',
        memberId: memberB.id,
      };
      expect(errorCode(await t.gql(CREATE_COMPLAINT, { input }, { apiKey: reader }))).toBe('FORBIDDEN');
      const made = (await t.ok(CREATE_COMPLAINT, { input }, { apiKey: writer })).createComplaint;
      expect(made).toMatchObject({ channel: 'WECHAT', dealershipId: storeB, status: 'OPEN' });
      const events = (await read(made.id))!.events;
      expect(events[0]).toMatchObject({
        type: 'CREATED',
        actorId: expect.any(String),
        actorName: expect.stringMatching(/^app-/),
      });
    });
  });

  describe('fileComplaint (member app)', () => {
    let appKey: string;
    let token: string;
    const loginAs = async (phone: string) => {
      await t.ok(REQUEST_MEMBER_LOGIN_CODE, { input: { phone } }, { apiKey: appKey });
      const code = await lastCodeSentTo(t, phone);
      return (await t.ok(MEMBER_LOGIN, { input: { phone, code } }, { apiKey: appKey })).memberLogin
        .token as string;
    };

    beforeAll(async () => {
      appKey = await apiKey(t, ['members:read']);
      token = await loginAs(memberA.phone);
    });

    it('files the viewer’s complaint: channel APP, OPEN, the same SLA, the home dealership by default', async () => {
      const input = {
        category: 'OVERCHARGING',
        subject: '保养费用比报价高出300元',
        description: '工单多收了工时费',
        vehicleId: memberA.vehicles[0].id,
      };
      const filed = (await t.ok(FILE_COMPLAINT, { input }, { apiKey: appKey, token })).fileComplaint;
      expect(filed).toMatchObject({ status: 'OPEN', ticketNo: expect.stringMatching(/^TS\d{8}-\d{4}$/) });
      const full = (await read(filed.id))!;
      expect(full).toMatchObject({
        memberId: memberA.id,
        dealershipId: storeA,
        vehicleId: memberA.vehicles[0].id,
        channel: 'APP',
        priority: 'NORMAL',
        category: 'OVERCHARGING',
        description: '工单多收了工时费',
        acknowledgeDueAt: filed.acknowledgeDueAt,
      });
      expect(ms(full.acknowledgeDueAt) - ms(full.createdAt)).toBe(30 * MINUTE);
      expect(ms(full.resolveDueAt) - ms(full.createdAt)).toBe(48 * HOUR);
      expect(full.events).toEqual([
        expect.objectContaining({
          type: 'CREATED',
          actorId: memberA.id,
          actorName: '王先生',
          fromStatus: null,
          toStatus: 'OPEN',
          note: 'Filed by APP',
        }),
      ]);

      const elsewhere = (
        await t.ok(
          FILE_COMPLAINT,
          { input: { category: 'LONG_WAIT', subject: '北京店等待太久', dealershipId: storeB } },
          { apiKey: appKey, token },
        )
      ).fileComplaint;
      expect((await read(elsewhere.id))!.dealershipId).toBe(storeB);
    });

    it('refuses another member’s vehicle, staff and bare API keys', async () => {
      const before = await total();
      const foreign = await t.gql(
        FILE_COMPLAINT,
        { input: { category: 'OTHER', subject: '别人的车', vehicleId: memberB.vehicles[0].id } },
        { apiKey: appKey, token },
      );
      expect(errorCode(foreign)).toBe('BAD_USER_INPUT');
      expect(Object.keys(foreign.errors![0].extensions!.fields!)).toEqual(['input.vehicleId']);
      const short = await t.gql(
        FILE_COMPLAINT,
        { input: { category: 'OTHER', subject: 'x' } },
        { apiKey: appKey, token },
      );
      expect(Object.keys(short.errors![0].extensions!.fields!)).toEqual(['input.subject']);
      const input = { category: 'OTHER', subject: '正常投诉内容' };
      expect(errorCode(await t.gql(FILE_COMPLAINT, { input }, { apiKey: appKey }))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(FILE_COMPLAINT, { input }, as('cs')))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(FILE_COMPLAINT, { input }))).toBe('UNAUTHENTICATED');
      expect(await total()).toBe(before);
      // And a member token reaches no staff operation.
      expect(errorCode(await t.gql(COMPLAINTS, {}, { apiKey: appKey, token }))).toBe('FORBIDDEN');
    });
  });

  describe('escalation (COMPLAINT_ESCALATION)', () => {
    let shop: string;
    let bare: string;
    let groupService: string[];

    beforeAll(async () => {
      shop = await createDealership(t, 'CMP-ESC', '杭州西湖汽车服务中心');
      bare = await createDealership(t, 'CMP-BARE', '无人门店');
      await staff('escStore', 'STORE_STAFF', shop);
      await staff('escManager', 'ADMIN', shop);
      await staff('escMarketing', 'MARKETING', shop);
      const rows: { id: string }[] = await t.dataSource.query(
        "SELECT `id` FROM `staff_user` WHERE `role` = 'CUSTOMER_SERVICE' AND `dealershipId` IS NULL AND `active` = 1 ORDER BY `id`",
      );
      groupService = rows.map((r) => r.id);
      expect(groupService).toContain(ids.cs);
    });

    const keys = (complaintId: string, level: number, staffIds: string[]) =>
      staffIds.map((s) => `complaint-escalated:${complaintId}:${level}:${s}`);

    it('escalates a missed acknowledgement to level 1 (the store), a missed resolution to level 2 (group customer service), once each', async () => {
      const c = await create({ dealershipId: shop, subject: '客户多次来电无人回应' });
      const created = ms(c.createdAt);

      await runEscalation(new Date(created + 29 * MINUTE));
      expect((await read(c.id))!.escalationLevel).toBe(0);

      const first = await runEscalation(new Date(created + 31 * MINUTE));
      expect(first.affected).toBeGreaterThanOrEqual(1);
      let now = (await read(c.id))!;
      expect(now.escalationLevel).toBe(1);
      expect(
        now.events.map((e: Record<string, unknown>) => [e.type, e.actorId, e.fromStatus, e.toStatus]),
      ).toEqual([
        ['CREATED', ids.cs, null, 'OPEN'],
        ['ESCALATED', null, 'OPEN', 'OPEN'],
      ]);
      expect(now.events[1].note).toMatch(/^Level 1: not acknowledged by /);
      const storeHandlers = [ids.escStore, ids.escManager].sort();
      let notices = await escalationNotices(c.id);
      expect(notices.map((n) => n.dedupeKey)).toEqual(keys(c.id, 1, storeHandlers).sort());
      expect(
        notices.every(
          (n) => n.channel === 'PUSH' && n.body === `投诉工单${c.ticketNo}已超时升级至1级，请尽快处理。`,
        ),
      ).toBe(true);

      // Running the same window again changes nothing and sends nothing.
      await runEscalation(new Date(created + 31 * MINUTE));
      await runEscalation(new Date(created + 47 * HOUR));
      expect((await read(c.id))!.events).toHaveLength(2);
      expect(await escalationNotices(c.id)).toHaveLength(2);

      expectOk(await acknowledge(c.id));
      await runEscalation(new Date(created + 48 * HOUR + MINUTE));
      now = (await read(c.id))!;
      expect(now.escalationLevel).toBe(2);
      expect(now.events.map((e: { type: string }) => e.type)).toEqual([
        'CREATED',
        'ESCALATED',
        'ACKNOWLEDGED',
        'ESCALATED',
      ]);
      expect(now.events[3]).toMatchObject({
        fromStatus: 'ACKNOWLEDGED',
        toStatus: 'ACKNOWLEDGED',
        note: expect.stringMatching(/^Level 2: not resolved by /),
      });
      notices = await escalationNotices(c.id);
      expect(notices.map((n) => n.dedupeKey)).toEqual(
        [...keys(c.id, 1, storeHandlers), ...keys(c.id, 2, groupService)].sort(),
      );
      expect(notices.filter((n) => n.body.includes('升级至2级'))).toHaveLength(groupService.length);

      await runEscalation(new Date(created + 200 * HOUR));
      expect((await read(c.id))!.events).toHaveLength(4);
      expect(await escalationNotices(c.id)).toHaveLength(notices.length);
    });

    it('takes a complaint missing both at once to level 2 with both events; done ones never escalate', async () => {
      const both = await create({
        dealershipId: shop,
        priority: 'URGENT',
        subject: '车辆召回处理迟迟没有回复',
      });
      const done = await inStatus('RESOLVED', { dealershipId: shop });
      const closed = await inStatus('CLOSED', { dealershipId: shop });
      const noStore = await create({ dealershipId: bare, subject: '门店无人接待' });
      const at = new Date(ms(both.createdAt) + 25 * HOUR);
      await runEscalation(at);

      const after = (await read(both.id))!;
      expect(after.escalationLevel).toBe(2);
      expect(
        after.events.map((e: { type: string; note: string | null }) => [e.type, e.note?.slice(0, 7) ?? null]),
      ).toEqual([
        ['CREATED', 'Filed b'],
        ['ESCALATED', 'Level 1'],
        ['ESCALATED', 'Level 2'],
      ]);
      expect((await escalationNotices(both.id)).map((n) => n.dedupeKey)).toEqual(
        [...keys(both.id, 1, [ids.escStore, ids.escManager]), ...keys(both.id, 2, groupService)].sort(),
      );
      for (const c of [done, closed]) {
        expect((await read(c.id))!.escalationLevel).toBe(0);
        expect(await escalationNotices(c.id)).toEqual([]);
      }
      // A store with nobody to tell: level 1 goes to group customer service (48 h have not passed).
      expect((await read(noStore.id))!.escalationLevel).toBe(1);
      expect((await escalationNotices(noStore.id)).map((n) => n.dedupeKey)).toEqual(
        keys(noStore.id, 1, groupService).sort(),
      );

      const again = await runEscalation(at);
      expect(again.affected).toBe(0);
      expect((await read(both.id))!.events).toHaveLength(3);
    });
  });

  describe('overdue', () => {
    it('marks and filters complaints past their SLA: OPEN past acknowledgement, or unresolved past resolution', async () => {
      const shop = await createDealership(t);
      const openLate = await create({ dealershipId: shop, subject: '超时未受理' });
      await backdate(openLate.id, 31 * MINUTE);
      const unresolvedLate = await inStatus('IN_PROGRESS', { dealershipId: shop, subject: '超时未解决' });
      await backdate(unresolvedLate.id, 49 * HOUR);
      const ackedLate = await inStatus('ACKNOWLEDGED', {
        dealershipId: shop,
        subject: '受理晚但未超解决时限',
      });
      await backdate(ackedLate.id, 2 * HOUR);
      const resolvedLate = await inStatus('RESOLVED', { dealershipId: shop, subject: '已解决' });
      await backdate(resolvedLate.id, 100 * HOUR);
      const fresh = await create({ dealershipId: shop, subject: '刚刚提交' });

      const list = async (overdue?: boolean) =>
        (
          (
            await t.ok(
              COMPLAINTS,
              { filter: { dealershipId: shop, overdue }, page: { perPage: 100 } },
              as('cs'),
            )
          ).complaints.items as Complaint[]
        )
          .map((c) => [c.id, c.overdue])
          .sort();
      expect(await list(true)).toEqual(
        [
          [openLate.id, true],
          [unresolvedLate.id, true],
        ].sort(),
      );
      expect(await list(false)).toEqual(
        [
          [ackedLate.id, false],
          [resolvedLate.id, false],
          [fresh.id, false],
        ].sort(),
      );
      expect((await list()).length).toBe(5);
    });
  });

  describe('complaintStats', () => {
    it('agrees with hand-computed figures over the period, by dealership', async () => {
      const shop = await createDealership(t, 'CMP-STATS', '成都武侯比亚迪4S店');
      await staff('statsStore', 'STORE_STAFF', shop);
      const P = Date.UTC(2025, 2, 1); // 2025-03-01T00:00Z
      const iso = (offset: number) => new Date(P + offset).toISOString();
      const plan: {
        status: string;
        category: string;
        at: number;
        ack?: number;
        resolved?: number;
        satisfaction?: number;
      }[] = [
        {
          status: 'CLOSED',
          category: 'OVERCHARGING',
          at: HOUR,
          ack: 0.5 * HOUR,
          resolved: 10 * HOUR,
          satisfaction: 4,
        },
        { status: 'RESOLVED', category: 'LONG_WAIT', at: 2 * HOUR, ack: HOUR, resolved: 20 * HOUR },
        { status: 'IN_PROGRESS', category: 'OVERCHARGING', at: 3 * HOUR, ack: 2 * HOUR },
        { status: 'OPEN', category: 'SERVICE_ATTITUDE', at: 4 * HOUR },
        {
          status: 'CLOSED',
          category: 'OVERCHARGING',
          at: DAY,
          ack: 0.25 * HOUR,
          resolved: 6 * HOUR,
          satisfaction: 2,
        },
        // Outside [P, P + 7 days): not counted.
        { status: 'OPEN', category: 'OTHER', at: 7 * DAY },
        { status: 'CLOSED', category: 'OTHER', at: -HOUR, ack: HOUR, resolved: 2 * HOUR, satisfaction: 1 },
      ];
      for (const p of plan) {
        const c = await create({ dealershipId: shop, category: p.category });
        if (p.status !== 'OPEN') expectOk(await acknowledge(c.id));
        if (['IN_PROGRESS', 'RESOLVED', 'CLOSED'].includes(p.status)) expectOk(await assign(c.id, ids.cs));
        if (['RESOLVED', 'CLOSED'].includes(p.status)) expectOk(await resolve(c.id));
        if (p.status === 'CLOSED') expectOk(await close(c.id, p.satisfaction));
        await setTimes(c.id, {
          createdAt: iso(p.at),
          acknowledgeDueAt: iso(p.at + 30 * MINUTE),
          resolveDueAt: iso(p.at + 48 * HOUR),
          acknowledgedAt: p.ack === undefined ? null : iso(p.at + p.ack),
          resolvedAt: p.resolved === undefined ? null : iso(p.at + p.resolved),
        });
      }
      const vars = { from: iso(0), to: iso(7 * DAY), dealershipId: shop };
      const stats = (await t.ok(COMPLAINT_STATS, vars, as('cs'))).complaintStats;
      expect(stats).toMatchObject({
        total: 5,
        open: 2,
        overdue: 2,
        resolved: 3,
        byCategory: [
          { category: 'OVERCHARGING', count: 3 },
          { category: 'LONG_WAIT', count: 1 },
          { category: 'SERVICE_ATTITUDE', count: 1 },
        ],
      });
      expect(stats.resolutionRate).toBeCloseTo(0.6, 10);
      expect(stats.avgHoursToAcknowledge).toBeCloseTo((0.5 + 1 + 2 + 0.25) / 4, 4);
      expect(stats.avgHoursToResolve).toBeCloseTo((10 + 20 + 6) / 3, 4);
      expect(stats.avgSatisfaction).toBeCloseTo(3, 4);

      // Store staff get their own dealership's figures, and no other's.
      expect(
        (await t.ok(COMPLAINT_STATS, { from: vars.from, to: vars.to }, as('statsStore'))).complaintStats,
      ).toEqual(stats);
      expect(
        errorCode(await t.gql(COMPLAINT_STATS, { ...vars, dealershipId: storeA }, as('statsStore'))),
      ).toBe('FORBIDDEN');
      // Marketing reads the figures; finance does not.
      expect((await t.ok(COMPLAINT_STATS, vars, as('marketing'))).complaintStats).toEqual(stats);
      expect(errorCode(await t.gql(COMPLAINT_STATS, vars, as('finance')))).toBe('FORBIDDEN');
      // Group-wide figures include this dealership's.
      const group = (await t.ok(COMPLAINT_STATS, { from: vars.from, to: vars.to }, as('admin')))
        .complaintStats;
      expect(group.total).toBeGreaterThanOrEqual(5);

      const empty = (
        await t.ok(
          COMPLAINT_STATS,
          { from: iso(-30 * DAY), to: iso(-20 * DAY), dealershipId: shop },
          as('cs'),
        )
      ).complaintStats;
      expect(empty).toEqual({
        total: 0,
        open: 0,
        overdue: 0,
        resolved: 0,
        resolutionRate: 0,
        avgHoursToAcknowledge: null,
        avgHoursToResolve: null,
        avgSatisfaction: null,
        byCategory: [],
      });
      const backwards = await t.gql(COMPLAINT_STATS, { from: vars.to, to: vars.from }, as('cs'));
      expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
      expect(Object.keys(backwards.errors![0].extensions!.fields!)).toEqual(['to']);
    });
  });
});
