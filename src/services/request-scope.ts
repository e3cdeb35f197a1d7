// The request a service call runs for (its id), carried implicitly so every audit entry can name
// the request without threading it through each service signature.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<{ requestId: string }>();

export function runInRequest<T>(requestId: string, fn: () => Promise<T>): Promise<T> {
  return scope.run({ requestId }, fn);
}

export function currentRequestId(): string | null {
  return scope.getStore()?.requestId ?? null;
}
