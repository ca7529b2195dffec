/**
 * The read benchmark's baseline: a plain `node:http` + `mysql2` server doing the work of
 * `member(id) { id memberNo name tier { id name } homeDealership { id name } }` with nothing in
 * between — it parses the JSON body, verifies the bearer token with the same HMAC check, and sends
 * the statements the app was seen to send for that request (captured from the app in the same run,
 * passed in BASELINE_STATEMENTS), then serialises a response of the same shape. Child process of
 * http-read.bench.ts; reports `{ ready: port }` over IPC.
 */
import { createSecretKey } from 'node:crypto';
import { createServer } from 'node:http';
import { createPool, RowDataPacket } from 'mysql2/promise';
import { verify } from 'jsonwebtoken';
import type { ReadStatements } from './read-statements';

// A KeyObject, as the app's TokenService holds it.
const jwtKey = createSecretKey(Buffer.from(process.env.JWT_SECRET!, 'utf8'));
const statements = JSON.parse(process.env.BASELINE_STATEMENTS!) as ReadStatements;
const pool = createPool({
  uri: process.env.DATABASE_URL!.replace(/^mariadb:/, 'mysql:'),
  connectionLimit: Number(process.env.DATABASE_POOL_SIZE || 10),
  charset: 'utf8mb4_unicode_ci',
  timezone: 'Z',
  supportBigNumbers: true,
});
// The app's pool runs every session in UTC; so does this one.
pool.pool.on('connection', (connection) => connection.query("SET time_zone = '+00:00'"));

async function first(sql: string, params: unknown[]): Promise<RowDataPacket | undefined> {
  const [rows] = await pool.query<RowDataPacket[]>(sql, params);
  return rows[0];
}

async function member(id: string, token: string): Promise<unknown> {
  const claims = verify(token, jwtKey) as { sub: string };
  const staff = await first(statements.staff, [claims.sub, 1]);
  if (!staff) throw new Error('unauthenticated');
  const row = await first(statements.member, [id]);
  if (!row) return null;
  const [tier, dealership] = await Promise.all([
    first(statements.tier, [row.tierId]),
    row.homeDealershipId && statements.dealership
      ? first(statements.dealership, [row.homeDealershipId])
      : undefined,
  ]);
  return {
    id: row.id,
    memberNo: row.memberNo,
    name: row.name,
    tier: tier ? { id: tier.id, name: tier.name } : null,
    homeDealership: dealership ? { id: dealership.id, name: dealership.name } : null,
  };
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: { id: string } };
    const token = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
    member(body.variables.id, token).then(
      (found) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { member: found } }));
      },
      (error: Error) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: error.message }] }));
      },
    );
  });
});

server.listen(0, '127.0.0.1', () => {
  process.send!({ ready: (server.address() as { port: number }).port });
});
process.on('message', (message: { stop?: true; cpu?: true }) => {
  if (message.cpu) {
    const { user, system } = process.cpuUsage();
    process.send!({ cpuMicros: user + system });
  }
  if (message.stop) server.close(() => void pool.end().then(() => process.exit(0)));
});
