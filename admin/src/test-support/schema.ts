/** The real emitted schema (schema/schema.graphql) for the admin's unit tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, introspectionFromSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { buildRegistry, type Registry } from '../data/registry';

export const schema: GraphQLSchema = buildSchema(
  readFileSync(join(__dirname, '../../../schema/schema.graphql'), 'utf8'),
);
export const introspection: IntrospectionQuery = introspectionFromSchema(schema);
export const registry: Registry = buildRegistry(introspection.__schema);
