import type { ApolloServerPlugin } from '@apollo/server';
import { ASTNode, BREAK, DocumentNode, GraphQLError, visit } from 'graphql';
import { ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { QueryTooComplexError } from '../errors';

/** The largest page anyone may ask for (staff); smaller caps apply when the list runs. */
const MAX_PER_PAGE = 1000;
const DEFAULT_PER_PAGE = 25;

/** A list field taking `page: PageInput` costs its items times the page size asked for. */
const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((arg) => arg.name === 'page')) return undefined;
  const asked = Number((args.page as { perPage?: unknown } | undefined)?.perPage ?? DEFAULT_PER_PAGE);
  const perPage = Number.isFinite(asked) ? Math.min(Math.max(Math.trunc(asked), 1), MAX_PER_PAGE) : DEFAULT_PER_PAGE;
  return 1 + childComplexity * perPage;
};

export const complexityEstimators = [pageSizeEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

/** HTTP 400 for refusals raised before execution (Apollo would answer 500). */
const badRequest = { http: { status: 400 } };

/**
 * Whether an operation's cost can change with its variables: only a `page` argument or an
 * `@include`/`@skip` condition fed by a variable makes it so (no field has a cost function).
 */
function costDependsOnVariables(document: DocumentNode): boolean {
  let depends = false;
  const fedByVariable = (node: ASTNode) => {
    let found = false;
    visit(node, {
      Variable() {
        found = true;
        return BREAK;
      },
    });
    return found;
  };
  visit(document, {
    Argument(node) {
      if (node.name.value === 'page' && fedByVariable(node.value)) depends = true;
      return depends ? BREAK : undefined;
    },
    Directive(node) {
      if (fedByVariable(node)) depends = true;
      return depends ? BREAK : undefined;
    },
  });
  return depends;
}

/**
 * The cost of each operation of a parsed document whose cost its variables cannot change. Apollo
 * hands over the same document object for the same query text (its document store), so a client
 * sending one mutation all day has it costed once instead of on every request.
 */
const fixedCosts = new WeakMap<DocumentNode, Map<string, number> | 'varies'>();

/**
 * Refuses operations whose estimated cost exceeds `maxComplexity` before they run, as
 * QUERY_TOO_COMPLEX. Lists are weighted by the page size they ask for; every other field costs 1
 * (or its `complexity` field option). Operations whose variables do not coerce are left to
 * execution, which reports them as BAD_USER_INPUT.
 */
export function complexityLimitPlugin(maxComplexity: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let known = fixedCosts.get(document);
          if (known === undefined) {
            known = costDependsOnVariables(document) ? 'varies' : new Map<string, number>();
            fixedCosts.set(document, known);
          }
          const operation = request.operationName ?? '';
          let complexity = known === 'varies' ? undefined : known.get(operation);
          if (complexity === undefined) {
            try {
              complexity = getComplexity({
                schema,
                query: document,
                variables: request.variables ?? {},
                operationName: request.operationName ?? undefined,
                estimators: complexityEstimators,
              });
            } catch (error) {
              if (error instanceof GraphQLError && /number of nodes/.test(error.message)) {
                throw new QueryTooComplexError('The operation selects too many fields', badRequest);
              }
              return; // invalid variables: execution reports them with their paths
            }
            if (known !== 'varies') known.set(operation, complexity);
          }
          if (complexity > maxComplexity) {
            throw new QueryTooComplexError(`The operation costs ${complexity}; the limit is ${maxComplexity} (smaller pages cost less)`, {
              ...badRequest,
              complexity,
              maxComplexity,
            });
          }
        },
      };
    },
  };
}
