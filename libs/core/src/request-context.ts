import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request values that logs and the audit trail pick up without threading them through every call. */
export interface RequestContextValues {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContextValues>();

export const RequestContext = {
  run<T>(values: RequestContextValues, fn: () => T): T {
    return storage.run(values, fn);
  },
  requestId(): string | null {
    return storage.getStore()?.requestId ?? null;
  },
};
