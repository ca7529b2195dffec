/**
 * Child-process entry that serves the real API for the HTTP benchmarks, so the load generator and
 * the server never share an event loop. Started by `startAppServer` (app-process.ts); it reports
 * `{ ready: port }` over IPC and, on request, records the SQL statements the app issues
 * (`{ capture: 'start' | 'stop' }` → `{ captured: CapturedStatement[] }`) and reports its CPU time
 * (`{ cpu: true }` → `{ cpuMicros }`).
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { installStatementRecorder } from './statement-recorder';

/** CPU time this process has used (user + system), in microseconds. */
function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

async function main(): Promise<void> {
  const { loadConfig } = await import('../../../backend/src/config/app-config');
  const { createApp } = await import('../../../backend/src/bootstrap');
  const app = await createApp(loadConfig(process.env));
  await app.listen(Number(process.env.PORT || 0), '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const recorder = installStatementRecorder(app.get(DataSource));

  process.on('message', (message: { capture?: 'start' | 'stop'; stop?: true; cpu?: true }) => {
    if (message.cpu) {
      process.send!({ cpuMicros: cpuMicros() });
    } else if (message.capture === 'start') {
      recorder.start();
      process.send!({ capturing: true });
    } else if (message.capture === 'stop') {
      process.send!({ captured: recorder.stop() });
    } else if (message.stop) {
      void app.close().then(() => process.exit(0));
    }
  });
  process.send!({ ready: address.port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
