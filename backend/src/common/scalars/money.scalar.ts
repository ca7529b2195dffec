import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function toFen(value: unknown): number {
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new GraphQLError('Money must be an integer number of fen (1/100 CNY)', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return n;
}

/** Money as an integer number of fen (分, 1/100 CNY). Never a float. */
export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description: 'An amount of money as an integer number of fen (分, 1/100 CNY); ¥12.34 is 1234.',
  serialize: toFen,
  parseValue: toFen,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) throw new GraphQLError('Money must be an integer number of fen');
    return toFen(Number(ast.value));
  },
});
