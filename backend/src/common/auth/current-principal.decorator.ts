import { createParamDecorator } from '@nestjs/common';
import { requestContext } from '../context/request-context';
import { UnauthenticatedError } from '../errors';
import type { Principal } from './principal';

/** The authenticated caller of the current operation (the access guard has already run). */
export const CurrentPrincipal = createParamDecorator((): Principal => {
  const principal = requestContext.current()?.principal;
  if (!principal) throw new UnauthenticatedError();
  return principal;
});
