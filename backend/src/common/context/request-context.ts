import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../auth/principal';
import type { RelationLoaders } from '../dataloader/relation-loaders';

/** What is known about the request being served; one per HTTP request, job run or script. */
export interface RequestContext {
  requestId: string;
  /** Who is acting, once authenticated. */
  principal?: Principal;
  /** True once the credentials of the request have been checked. */
  authenticated?: boolean;
  /** The root field of the operation being resolved (e.g. `createDealership`), for the audit trail. */
  operation?: string;
  /** Request-scoped DataLoaders, created on first use. */
  loaders?: RelationLoaders;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};
