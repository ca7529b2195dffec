export * from './transaction.service';
export * from './sql-dialect';
export * from './references';
