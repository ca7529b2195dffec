import { rmSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __browserApp?: INestApplication; __browserDir?: string };
  await state.__browserApp?.close();
  if (state.__browserDir) rmSync(state.__browserDir, { recursive: true, force: true });
}
