import { once } from 'node:events';
import { PassThrough, Writable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { Connection } from 'mysql2/promise';
import { loadStatement, openLoader, packetSlices } from './database';

/** Bytes a table may hold unsent in the socket while the next chunk is generated. */
const BACKLOG_BYTES = 1 << 20;

/**
 * One `LOAD DATA LOCAL INFILE` statement for the whole seed, fed chunk by chunk: the server
 * parses one long stream per table instead of starting and committing a statement per chunk.
 * With LOCAL the server reads the stream to its end even after an error (duplicate keys are only
 * warnings), so a failed statement reports at finish(); a lost connection reports at once.
 */
export class StreamedLoad {
  private readonly input = new PassThrough();
  private readonly result: Promise<void>;
  /** Rejects when the statement fails, so that a write waiting for the socket stops waiting. */
  private readonly failed: Promise<never>;

  private constructor(
    readonly connection: Connection,
    table: string,
    columns: readonly string[],
  ) {
    this.result = connection
      .query({ sql: loadStatement(table, columns), infileStreamFactory: () => this.input })
      .then(() => undefined);
    this.failed = this.result.then(() => new Promise<never>(() => undefined));
    // Reported by write() or finish(), not as an unhandled rejection while neither waits.
    this.failed.catch(() => undefined);
  }

  /**
   * A loader connection with unique checks on (with them off, MariaDB takes its "bulk insert into
   * an empty table" path for the whole statement: 1M members on a 2-core VM, seeded in 198 and
   * 226 s that way against 188-193 and 217 s with them on in the runs beside them) and the
   * statement started.
   */
  static async open(url: string, table: string, columns: readonly string[]): Promise<StreamedLoad> {
    return new StreamedLoad(await openLoader(url, { uniqueChecks: true }), table, columns);
  }

  /** Queues a chunk's rows once the previous ones have gone to the server (memory stays flat). */
  async write(rows: Buffer): Promise<void> {
    await Promise.race([this.backlogSent(), this.failed]);
    for (const slice of packetSlices(rows)) this.input.write(slice);
  }

  /** Ends the stream and waits for the statement (and its commit). */
  async finish(): Promise<void> {
    this.input.end();
    await this.result;
  }

  /** After a failure: the statement may be waiting for rows that will not come. */
  abort(): void {
    this.input.destroy();
    this.connection.destroy();
  }

  private async backlogSent(): Promise<void> {
    // Gives the sockets' I/O a turn even when nothing below waits: rows stuck in this process
    // would starve the server, which gives up after net_read_timeout without a packet.
    await setImmediate();
    // mysql2 pauses the pass-through while the socket is full, so the rows wait in it (and before
    // the server asks for the file): its 'drain' says they went on to the socket.
    if (this.input.writableNeedDrain) await once(this.input, 'drain');
    const socket = loaderSocket(this.connection);
    while (socket && socket.writableLength > BACKLOG_BYTES) await once(socket, 'drain');
  }
}

/**
 * The socket under a mysql2 promise connection (`.connection.stream`, not public API): its write
 * buffer bounds the backlog should mysql2 stop pausing the infile stream on a full socket (then
 * the pass-through's 'drain' would come at once). Undefined if mysql2 moves it: the pass-through
 * alone still holds the generator back while mysql2 pauses it.
 */
function loaderSocket(connection: Connection): Writable | undefined {
  const stream = (connection as unknown as { connection?: { stream?: unknown } }).connection?.stream;
  return stream instanceof Writable ? stream : undefined;
}
