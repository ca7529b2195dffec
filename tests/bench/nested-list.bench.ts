/**
 * read.nestedList.statements / read.nestedList.flat: the SQL statements one HTTP request of
 * `members(page: { perPage })` with tier, home dealership, vehicles and cards sends (recorded in
 * the app process), for a page of 100 and a page of 10: at most 6, and the same for both.
 */
import { BENCH_ADMIN, startAppServer } from './lib/app-process';
import { gql, login } from './lib/gql-client';
import type { BenchContext, BenchEntries } from './lib/types';

const TARGET_STATEMENTS = 6;

export const NESTED_MEMBERS_QUERY = `query NestedMembers($page: PageInput) {
  members(page: $page) {
    items { id memberNo name tier { id name } homeDealership { id name } vehicles { id plateNumber } cards { id cardNo type } }
  }
}`;

export async function run(ctx: BenchContext): Promise<BenchEntries> {
  const app = await startAppServer(ctx.databaseUrl);
  try {
    const token = await login(app.url, BENCH_ADMIN.username, BENCH_ADMIN.password);
    const statements: Record<number, number> = {};
    const relations: Record<number, string> = {};
    for (const perPage of [10, 100]) {
      const variables = { page: { perPage } };
      await gql(app.url, NESTED_MEMBERS_QUERY, variables, { token }); // warm: first-use metadata, pool
      let items: Array<{ homeDealership: unknown; vehicles: unknown[]; cards: unknown[] }> = [];
      const captured = await app.capture(async () => {
        items = (await gql<{ members: { items: typeof items } }>(app.url, NESTED_MEMBERS_QUERY, variables, { token })).members.items;
      });
      statements[perPage] = captured.length;
      // What the page held, so a count over empty relations is not mistaken for batching.
      relations[perPage] =
        `${items.length} members, ${items.filter((m) => m.homeDealership).length} with a home dealership, ` +
        `${items.reduce((n, m) => n + m.vehicles.length, 0)} vehicles, ${items.reduce((n, m) => n + m.cards.length, 0)} cards`;
      ctx.log(`  perPage ${perPage}: ${captured.length} statements (${relations[perPage]})`);
    }
    return {
      'read.nestedList.statements': {
        value: statements[100],
        unit: 'statements',
        target: TARGET_STATEMENTS,
        pass: statements[100] <= TARGET_STATEMENTS,
        details: { perPage100: relations[100] },
      },
      'read.nestedList.flat': {
        value: statements[10] === statements[100],
        unit: 'boolean',
        target: true,
        pass: statements[10] === statements[100],
        details: { perPage10: statements[10], perPage100: statements[100] },
      },
    };
  } finally {
    await app.stop();
  }
}
