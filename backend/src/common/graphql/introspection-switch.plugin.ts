import type { ApolloServerPlugin } from '@apollo/server';
import { FragmentDefinitionNode, Kind, SelectionSetNode } from 'graphql';
import { AppError, ErrorCode } from '../errors';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** True when the root selection (through fragments) asks for `__schema` or `__type`. */
function introspects(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): boolean {
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return INTROSPECTION_FIELDS.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return introspects(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return false;
    seen.add(fragment.name.value);
    return introspects(fragment.selectionSet, fragments, seen);
  });
}

/**
 * Introspection stays on for staff and anonymous callers (the admin panel reads the schema to build
 * itself, and the schema is published in schema/schema.graphql) and can be turned off for requests
 * made with an API key (`API_KEY_INTROSPECTION`).
 */
export function introspectionSwitchPlugin(apiKeyIntrospection: boolean): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (apiKeyIntrospection || !request.http?.headers.get('x-api-key')) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          if (operation && introspects(operation.selectionSet, fragments)) {
            throw new AppError(ErrorCode.FORBIDDEN, 'Introspection is turned off for API keys', { http: { status: 403 } });
          }
        },
      };
    },
  };
}
