export * from './http-hardening';
