export * from './access.decorator';
export * from './principal';
export * from './current-principal.decorator';
export * from './scopes';
