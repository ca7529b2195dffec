export * from './field-encryption';
