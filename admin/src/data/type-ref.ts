import type { IntrospectionInputTypeRef, IntrospectionOutputTypeRef, IntrospectionTypeRef } from 'graphql';

type AnyRef = IntrospectionTypeRef | IntrospectionInputTypeRef | IntrospectionOutputTypeRef;

/** The named type under any NON_NULL / LIST wrappers. */
export function namedType(ref: AnyRef): { kind: string; name: string } {
  let current = ref as IntrospectionTypeRef;
  while ('ofType' in current && current.ofType) current = current.ofType as IntrospectionTypeRef;
  return { kind: current.kind, name: (current as { name: string }).name };
}

export function isNonNull(ref: AnyRef): boolean {
  return ref.kind === 'NON_NULL';
}

export function isList(ref: AnyRef): boolean {
  let current = ref as IntrospectionTypeRef;
  while (current.kind === 'NON_NULL') current = (current as { ofType: IntrospectionTypeRef }).ofType;
  return current.kind === 'LIST';
}

/** The type as written in a document, e.g. `[ID!]!`, for variable declarations. */
export function printTypeRef(ref: AnyRef): string {
  if (ref.kind === 'NON_NULL') return `${printTypeRef((ref as { ofType: AnyRef }).ofType)}!`;
  if (ref.kind === 'LIST') return `[${printTypeRef((ref as { ofType: AnyRef }).ofType)}]`;
  return (ref as { name: string }).name;
}

export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
export const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** CREATED_AT → createdAt (sort enums name record fields in upper snake case). */
export const snakeToCamel = (s: string) => s.toLowerCase().replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
