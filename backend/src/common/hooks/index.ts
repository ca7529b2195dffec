export * from './hook-registry';
