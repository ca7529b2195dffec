/**
 * react-admin data requests → GraphQL documents by the convention of DESIGN:
 * GET_LIST/GET_MANY/GET_MANY_REFERENCE → `xs(filter, sort, page)`, GET_ONE → `x(id)` (or the list
 * filtered by `ids` where a resource has no single query), CREATE/UPDATE/DELETE → `createX`,
 * `updateX`, `deleteX`; UPDATE sends only the changed fields that exist on `UpdateXInput`.
 */
import { parse, type DocumentNode } from 'graphql';
import {
  CREATE,
  DELETE,
  DELETE_MANY,
  GET_LIST,
  GET_MANY,
  GET_MANY_REFERENCE,
  GET_ONE,
  UPDATE,
  UPDATE_MANY,
} from 'ra-core';
import { changedInput, toInputObject } from './input-values';
import type { Registry, ResourceDef } from './registry';
import { recordSelection } from './selection';

/** The backend caps a staff page at 1000 rows. */
export const MAX_PER_PAGE = 1000;

export interface BuiltQuery {
  query: DocumentNode;
  variables: Record<string, unknown>;
  parseResponse: (response: { data?: Record<string, unknown> | null }) => unknown;
}

type Params = Record<string, unknown> & {
  id?: string;
  ids?: string[];
  data?: Record<string, unknown>;
  previousData?: Record<string, unknown>;
  filter?: Record<string, unknown>;
  sort?: { field?: string; order?: string };
  pagination?: { page?: number; perPage?: number };
  target?: string;
};

type Rec = Record<string, unknown> & { id: string };

export class UnsupportedRequestError extends Error {}

export function buildQueryFactory(registry: Registry) {
  return (raFetchMethod: string, resourceName: string, params: Params): BuiltQuery => {
    const resource = registry.byName[resourceName];
    if (!resource) throw new UnsupportedRequestError(`Unknown resource "${resourceName}"`);
    switch (raFetchMethod) {
      case GET_LIST:
        return listQuery(resource, params.filter, params);
      case GET_MANY: {
        requireFilter(resource, 'ids', raFetchMethod);
        const ids = params.ids ?? [];
        return listQuery(resource, { ids }, { pagination: { page: 1, perPage: Math.min(Math.max(ids.length, 1), MAX_PER_PAGE) } });
      }
      case GET_MANY_REFERENCE: {
        const target = String(params.target);
        requireFilter(resource, target, raFetchMethod);
        return listQuery(resource, { ...params.filter, [target]: params.id }, params);
      }
      case GET_ONE:
        return oneQuery(resource, String(params.id));
      case CREATE:
        return createMutation(resource, params.data ?? {});
      case UPDATE:
        return updateMutation(resource, String(params.id), params.data ?? {}, params.previousData);
      case UPDATE_MANY:
        return updateManyMutation(resource, params.ids ?? [], params.data ?? {});
      case DELETE:
        return deleteMutation(resource, [String(params.id)], (records) => ({ data: records[0] }));
      case DELETE_MANY:
        return deleteMutation(resource, params.ids ?? [], (records) => ({ data: records.map((r) => r.id) }));
      default:
        throw new UnsupportedRequestError(`${raFetchMethod} is not supported for ${resource.name}`);
    }
  };
}

function requireFilter(resource: ResourceDef, name: string, method: string) {
  if (!resource.filter?.fields.some((f) => f.name === name)) {
    throw new UnsupportedRequestError(`${method} on ${resource.name} needs a "${name}" filter, which ${resource.typeName} lacks`);
  }
}

function listVariables(resource: ResourceDef, filter: Record<string, unknown> | undefined, params: Params) {
  const variables: Record<string, unknown> = {};
  if (resource.listArgs.filter && resource.filter) {
    const cleaned = Object.fromEntries(Object.entries(filter ?? {}).filter(([, v]) => v !== '' && v !== undefined));
    const input = toInputObject(resource.filter.fields, cleaned);
    if (Object.keys(input).length) variables.filter = input;
  }
  const sortValue = params.sort?.field ? resource.sort?.fieldEnum[params.sort.field] : undefined;
  if (resource.listArgs.sort && sortValue) {
    variables.sort = [{ field: sortValue, order: params.sort?.order === 'DESC' ? 'DESC' : 'ASC' }];
  }
  if (resource.listArgs.page) {
    const page = params.pagination?.page ?? 1;
    const perPage = Math.min(params.pagination?.perPage ?? 25, MAX_PER_PAGE);
    variables.page = { page, perPage };
  }
  return variables;
}

function listQuery(resource: ResourceDef, filter: Record<string, unknown> | undefined, params: Params): BuiltQuery {
  const variables = listVariables(resource, filter, params);
  const declared = Object.keys(variables);
  const text =
    `query ${resource.name}${declaration(declared.map((name) => [name, resource.listArgs[name]]))} ` +
    `{ data: ${resource.name}${argumentList(declared)} { items { ${recordSelection(resource, { embedded: false })} } total } }`;
  return {
    query: parse(text),
    variables,
    parseResponse: (response) => {
      const page = response.data?.data as { items: Rec[]; total: number };
      return { data: page.items, total: page.total };
    },
  };
}

function oneQuery(resource: ResourceDef, id: string): BuiltQuery {
  const selection = recordSelection(resource, { embedded: true });
  if (resource.one) {
    return {
      query: parse(`query ${resource.one}($id: ID!) { data: ${resource.one}(id: $id) { ${selection} } }`),
      variables: { id },
      parseResponse: (response) => ({ data: notFoundIfNull(resource, id, response.data?.data) }),
    };
  }
  // No single-record query: the list filtered by this one id.
  requireFilter(resource, 'ids', GET_ONE);
  const filterType = resource.listArgs.filter;
  return {
    query: parse(
      `query ${resource.name}($filter: ${filterType}) { data: ${resource.name}(filter: $filter) { items { ${selection} } } }`,
    ),
    variables: { filter: { ids: [id] } },
    parseResponse: (response) => ({
      data: notFoundIfNull(resource, id, (response.data?.data as { items: Rec[] }).items[0]),
    }),
  };
}

function notFoundIfNull(resource: ResourceDef, id: string, record: unknown) {
  if (!record) throw new RecordNotFoundError(`${resource.typeName} ${id} not found`);
  return record;
}

export class RecordNotFoundError extends Error {}

function createMutation(resource: ResourceDef, data: Record<string, unknown>): BuiltQuery {
  if (!resource.create || !resource.createInput) throw new UnsupportedRequestError(`${resource.name} cannot be created`);
  const input = toInputObject(resource.createInput.fields, data);
  if (resource.createInput.fields.some((f) => f.name === 'idempotencyKey') && !input.idempotencyKey) {
    // One key per submitted form: the API replays rather than repeats a retried create.
    input.idempotencyKey = newIdempotencyKey();
  }
  return {
    query: parse(
      `mutation ${resource.create}($input: ${resource.createInput.typeName}!) ` +
        `{ data: ${resource.create}(input: $input) { ${recordSelection(resource, { embedded: true })} } }`,
    ),
    variables: { input },
    parseResponse: (response) => ({ data: response.data?.data }),
  };
}

function updateMutation(
  resource: ResourceDef,
  id: string,
  data: Record<string, unknown>,
  previousData: Record<string, unknown> | undefined,
): BuiltQuery {
  if (!resource.update || !resource.updateInput) throw new UnsupportedRequestError(`${resource.name} cannot be updated`);
  return {
    query: parse(
      `mutation ${resource.update}($id: ID!, $input: ${resource.updateInput.typeName}!) ` +
        `{ data: ${resource.update}(id: $id, input: $input) { ${recordSelection(resource, { embedded: true })} } }`,
    ),
    variables: { id, input: changedInput(resource.updateInput.fields, data, previousData) },
    parseResponse: (response) => ({ data: response.data?.data }),
  };
}

/** One document, one aliased `updateX` per id, all with the same input. */
function updateManyMutation(resource: ResourceDef, ids: string[], data: Record<string, unknown>): BuiltQuery {
  if (!resource.update || !resource.updateInput) throw new UnsupportedRequestError(`${resource.name} cannot be updated`);
  const calls = ids.map((_id, i) => `r${i}: ${resource.update}(id: $id${i}, input: $input) { id }`);
  const declared = ids.map((_id, i) => `$id${i}: ID!`).concat(`$input: ${resource.updateInput.typeName}!`);
  return {
    query: parse(`mutation ${resource.update}Many(${declared.join(', ')}) { ${calls.join(' ')} }`),
    variables: {
      input: toInputObject(resource.updateInput.fields, data),
      ...Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
    },
    parseResponse: (response) => ({ data: aliased(response, ids.length).map((r) => r.id) }),
  };
}

function deleteMutation(resource: ResourceDef, ids: string[], result: (records: Rec[]) => unknown): BuiltQuery {
  if (!resource.delete) throw new UnsupportedRequestError(`${resource.name} cannot be deleted`);
  const selection = recordSelection(resource, { embedded: false });
  const calls = ids.map((_id, i) => `r${i}: ${resource.delete}(id: $id${i}) { ${selection} }`);
  const declared = ids.map((_id, i) => `$id${i}: ID!`);
  return {
    query: parse(`mutation ${resource.delete}(${declared.join(', ')}) { ${calls.join(' ')} }`),
    variables: Object.fromEntries(ids.map((id, i) => [`id${i}`, id])),
    parseResponse: (response) => result(aliased(response, ids.length)),
  };
}

function aliased(response: { data?: Record<string, unknown> | null }, count: number): Rec[] {
  return Array.from({ length: count }, (_v, i) => response.data?.[`r${i}`] as Rec);
}

function declaration(args: Array<[string, string | undefined]>): string {
  return args.length ? `(${args.map(([name, type]) => `$${name}: ${type}`).join(', ')})` : '';
}

function argumentList(names: string[]): string {
  return names.length ? `(${names.map((name) => `${name}: $${name}`).join(', ')})` : '';
}

/** 128 random bits as hex (getRandomValues also works outside secure contexts, unlike randomUUID). */
function newIdempotencyKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
