export * from './validation.pipe';
export * from './validators';
export * from './identity';
