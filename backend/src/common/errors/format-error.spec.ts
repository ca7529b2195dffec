import { BadRequestException } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { BadUserInputError, NotFoundError } from './app-error';
import { formatGraphqlError } from './format-error';

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['x'] });

describe('formatGraphqlError', () => {
  it('keeps the code and fields of application errors, without stack traces', () => {
    const error = new BadUserInputError({ 'input.phone': 'must be a mainland mobile number' });
    const out = formatGraphqlError({ message: error.message, extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at x'] } }, wrap(error));
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: { 'input.phone': 'must be a mainland mobile number' } });
    const notFound = formatGraphqlError({ message: 'm' }, wrap(new NotFoundError('Member', '1')));
    expect(notFound.extensions).toEqual({ code: 'NOT_FOUND' });
  });

  it('hides unexpected errors behind a generic message', () => {
    const out = formatGraphqlError({ message: 'SQLITE_ERROR: no such table: secret', extensions: { stacktrace: ['…'] } }, wrap(new Error('SQLITE_ERROR: no such table: secret')));
    expect(out).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('maps HTTP exceptions to their code', () => {
    const out = formatGraphqlError({ message: 'Bad Request' }, wrap(new BadRequestException()));
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('treats graphql-js request errors without a resolver behind them as bad input', () => {
    const tooMany = new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.');
    expect(formatGraphqlError({ message: tooMany.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, tooMany).extensions).toEqual({ code: 'BAD_USER_INPUT' });
    const resolverBug = new GraphQLError('Cannot return null for non-nullable field Query.x.', { path: ['x'] });
    expect(formatGraphqlError({ message: resolverBug.message }, resolverBug).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
  });
});
