import { HttpError } from 'ra-core';
import { RecordNotFoundError } from './build-query';
import { fieldErrors, toHttpError } from './errors';

/** What ra-data-graphql throws for a GraphQL error: an HttpError carrying the ApolloError as body. */
function apolloFailure(code: string, message: string, extra: Record<string, unknown> = {}) {
  return new HttpError(message, 200, { message, graphQLErrors: [{ message, extensions: { code, ...extra } }] });
}

describe('API errors for react-admin', () => {
  it('UNAUTHENTICATED is a 401 and FORBIDDEN a 403, for the auth provider', () => {
    expect(toHttpError(apolloFailure('UNAUTHENTICATED', 'Authentication required'))).toMatchObject({
      status: 401,
      message: 'Authentication required',
      body: { code: 'UNAUTHENTICATED' },
    });
    expect(toHttpError(apolloFailure('FORBIDDEN', 'Not allowed'))).toMatchObject({ status: 403 });
  });

  it('BAD_USER_INPUT field errors land under their inputs (input. prefix dropped, nested paths nested)', () => {
    const error = toHttpError(
      apolloFailure('BAD_USER_INPUT', 'Invalid input', {
        fields: { 'input.phone': 'must be a mainland mobile number', 'input.vehicle.vin': 'must be 17 characters' },
      }),
    );
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 400,
      body: {
        code: 'BAD_USER_INPUT',
        errors: {
          phone: 'must be a mainland mobile number',
          vehicle: { vin: 'must be 17 characters' },
          // The notice is the translated pointer to the fields, not the API's English summary.
          root: { serverError: 'errors.checkFields' },
        },
      },
    });
  });

  it('a CONFLICT naming its field shows under that field', () => {
    const error = toHttpError(apolloFailure('CONFLICT', 'Phone already registered', { field: 'input.phone' }));
    expect(error).toMatchObject({
      status: 409,
      body: { errors: { phone: 'Phone already registered', root: { serverError: 'errors.checkFields' } } },
    });
  });

  it('other codes keep their message; errors sent with an HTTP error status are read too', () => {
    const balance = toHttpError(apolloFailure('INSUFFICIENT_BALANCE', 'Balance too low'));
    expect(balance).toMatchObject({ status: 409, message: 'Balance too low', body: { code: 'INSUFFICIENT_BALANCE' } });
    expect((balance as HttpError).body.errors).toBeUndefined();
    const viaNetwork = { message: 'Response not successful', networkError: { statusCode: 400, result: { errors: [{ message: 'Bad', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] } } };
    expect(toHttpError(viaNetwork)).toMatchObject({ status: 400, body: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('a failure without a GraphQL error keeps its HTTP status', () => {
    expect(toHttpError(new HttpError('Bad gateway', 502))).toMatchObject({ status: 502, body: { code: 'NETWORK_ERROR' } });
    expect(toHttpError(new RecordNotFoundError('Member m1 not found'))).toMatchObject({ status: 404 });
  });

  it('fieldErrors nests dotted paths', () => {
    expect(fieldErrors({ 'input.a.b': 'x', c: 'y' })).toEqual({ a: { b: 'x' }, c: 'y' });
  });
});
