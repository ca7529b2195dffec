export * from './app-error';
export * from './database-errors';
