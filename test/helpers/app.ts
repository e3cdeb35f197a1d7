// Builds the real app over a test database, for app.request() tests.
import pino from 'pino';
import { createApp } from '../../src/http/app.tsx';
import { createServices } from '../../src/services/container.ts';
import type { ServiceOptions } from '../../src/services/service-options.ts';
import { createTestDb } from './db.ts';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function createTestApp(options: ServiceOptions = {}) {
  const t = await createTestDb();
  const services = createServices(t.db, options);
  const app = createApp({ services, log: pino({ level: 'silent' }) });
  return { app, services, db: t.db, close: t.close };
}
