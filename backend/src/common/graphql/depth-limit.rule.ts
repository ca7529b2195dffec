import { FragmentDefinitionNode, Kind, SelectionSetNode, ValidationRule } from 'graphql';
import { QueryTooComplexError } from '../errors';

/**
 * Refuses operations nested deeper than `maxDepth` selection sets, as QUERY_TOO_COMPLEX.
 * Introspection fields (`__schema`, `__type`) do not count: the admin's introspection query is
 * deep by nature. Fragment depths are memoised and cycles cut (the standard rules report them),
 * so hostile fragment graphs cost linear time. (graphql-depth-limit, its usual implementation,
 * recurses into fragment cycles and throws on unknown fragments: a 500 instead of a coded error.)
 */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const fragmentDepths = new Map<string, number>();

    const depthOf = (selectionSet: SelectionSetNode): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        let depth = 0;
        if (selection.kind === Kind.FIELD) {
          if (selection.selectionSet && !selection.name.value.startsWith('__')) depth = 1 + depthOf(selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          depth = depthOf(selection.selectionSet);
        } else {
          const name = selection.name.value;
          if (!fragmentDepths.has(name)) {
            fragmentDepths.set(name, 0); // a cycle back to this fragment adds nothing
            const fragment = fragments.get(name);
            fragmentDepths.set(name, fragment ? depthOf(fragment.selectionSet) : 0);
          }
          depth = fragmentDepths.get(name)!;
        }
        deepest = Math.max(deepest, depth);
      }
      return deepest;
    };

    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            new QueryTooComplexError(`The operation is nested ${depth} levels deep; the limit is ${maxDepth}`, { maxDepth, depth }),
          );
        }
      },
    };
  };
}
