import type { Registry } from '../data/registry';
import type { MappingContext } from './field-mapping';

/** What the generic views need besides one resource: the registry and what this user may read. */
export interface RenderContext extends MappingContext {
  registry: Registry;
}

export function renderContext(registry: Registry, available: string[]): RenderContext {
  const names = new Set(available);
  return { registry, hasResource: (name) => names.has(name) };
}

/** Whether a resource's list takes a free-text `q` (reference inputs then search as you type). */
export function isSearchable(ctx: RenderContext, resource: string): boolean {
  return !!ctx.registry.byName[resource]?.filter?.fields.some((f) => f.name === 'q');
}
