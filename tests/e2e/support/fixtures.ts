/** Small builders the loyalty e2e tests share; each goes through the public API like a client. */
import { CREATE_API_CLIENT, CREATE_DEALERSHIP, CREATE_MEMBER, RECORD_TRANSACTION } from './contract';
import type { TestApp } from './test-app';

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`.toUpperCase();

/** A mainland mobile number not used before in this process. */
export function uniquePhone(): string {
  return `139${String((Date.now() + sequence++) % 100_000_000).padStart(8, '0')}`;
}

/** A VIN not used before in this process (17 characters, no I/O/Q). */
export function uniqueVin(): string {
  return `LSV${next().replace(/[IOQ]/g, 'X')}`.padEnd(17, '7').slice(0, 17);
}

export async function createDealership(
  t: TestApp,
  code = `D-${next()}`,
  name = `门店${code}`,
): Promise<string> {
  const data = await t.ok(
    CREATE_DEALERSHIP,
    { input: { code, name, city: '上海' } },
    { token: t.adminToken },
  );
  return data.createDealership.id;
}

/** An ACTIVE member registered at a store by the admin. */
export async function createMember(t: TestApp, input: Record<string, unknown> = {}, token = t.adminToken) {
  const data = await t.ok(
    CREATE_MEMBER,
    { input: { name: '测试会员', phone: uniquePhone(), ...input } },
    { token },
  );
  return data.createMember as {
    id: string;
    memberNo: string;
    phone: string;
    tierId: string;
    vehicles: { id: string; vin: string; plateNumber: string | null }[];
  };
}

export async function recordTransaction(t: TestApp, input: Record<string, unknown>, token = t.adminToken) {
  const data = await t.ok(
    RECORD_TRANSACTION,
    {
      input: {
        externalRef: `RO-${next()}`,
        type: 'MAINTENANCE',
        amount: 100_00,
        occurredAt: new Date().toISOString(),
        ...input,
      },
    },
    { token },
  );
  return data.recordTransaction;
}

/** An API key with the given scopes. */
export async function apiKey(t: TestApp, scopes: string[]): Promise<string> {
  const data = await t.ok(
    CREATE_API_CLIENT,
    { input: { name: `app-${next()}`, scopes } },
    { token: t.adminToken },
  );
  return data.createApiClient.apiKey;
}

/** The last SMS code sent to a phone, read from the notification outbox (what the SMS gateway received). */
export async function lastCodeSentTo(t: TestApp, phone: string): Promise<string> {
  const rows: { body: string }[] = await t.dataSource.query(
    'SELECT `body` FROM `notification` WHERE `recipient` = ? ORDER BY `createdAt` DESC, `id` DESC LIMIT 1',
    [phone],
  );
  const match = rows[0] && /(\d{6})/.exec(rows[0].body);
  if (!match) throw new Error(`No code was sent to ${phone}`);
  return match[1];
}

/** How many SQL statements the server runs while `work` runs (for N+1 checks). */
export async function countStatements(t: TestApp, work: () => Promise<unknown>): Promise<number> {
  const runner = t.dataSource.createQueryRunner();
  const prototype = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
  await runner.release();
  const spy = jest.spyOn(prototype, 'query');
  try {
    await work();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}
