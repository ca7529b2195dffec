export * from './validation.pipe';
export * from './validators';
