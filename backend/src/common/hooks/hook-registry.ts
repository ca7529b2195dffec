import { EntityManager } from 'typeorm';

export type Hook<E> = (manager: EntityManager, event: E) => Promise<void>;

/**
 * Lets one module react to another's domain event inside the same database transaction (a tier
 * change grants benefits, a purchase rewards a referral) without the emitting module knowing who
 * listens. Each event has its own injectable subclass; listeners register in `onModuleInit`.
 */
export class HookRegistry<E> {
  private readonly hooks: Hook<E>[] = [];

  register(hook: Hook<E>): void {
    this.hooks.push(hook);
  }

  async run(manager: EntityManager, event: E): Promise<void> {
    for (const hook of this.hooks) await hook(manager, event);
  }
}
