// The registry of job handlers by kind; each capability registers its own (recompute, link checks…).
import type { Services } from '../services/container.ts';

export type JobHandler = (payload: unknown, services: Services) => Promise<void>;
/** Handles many jobs of one kind at once (set-based work: one transaction for many agencies). */
export type BatchJobHandler = (payloads: unknown[], services: Services) => Promise<void>;

const handlers = new Map<string, JobHandler>();
const batchHandlers = new Map<string, BatchJobHandler>();

export function registerJobHandler(kind: string, handler: JobHandler): void {
  if (handlers.has(kind)) throw new Error(`A handler for job kind "${kind}" is already registered`);
  handlers.set(kind, handler);
}

/**
 * A kind whose claimed jobs run together. It is also its own one-job handler, so a batch that
 * fails is retried job by job and only the job at fault is marked failed.
 */
export function registerBatchJobHandler(kind: string, handler: BatchJobHandler): void {
  registerJobHandler(kind, (payload, services) => handler([payload], services));
  batchHandlers.set(kind, handler);
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

export function batchJobHandler(kind: string): BatchJobHandler | undefined {
  return batchHandlers.get(kind);
}

export function registeredJobKinds(): string[] {
  return [...handlers.keys()];
}
