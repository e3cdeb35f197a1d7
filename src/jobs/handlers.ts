// The registry of job handlers by kind; each capability registers its own (recompute, link checks…).
import type { Services } from '../services/container.ts';

export type JobHandler = (payload: unknown, services: Services) => Promise<void>;

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(kind: string, handler: JobHandler): void {
  if (handlers.has(kind)) throw new Error(`A handler for job kind "${kind}" is already registered`);
  handlers.set(kind, handler);
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

export function registeredJobKinds(): string[] {
  return [...handlers.keys()];
}
