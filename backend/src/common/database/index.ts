export * from './transaction.service';
export * from './sql-dialect';
export * from './references';
export * from './key-chunks';
export * from './bounded-concurrency';
export * from './insert-record';
export * from './entity-reader';
export * from './transaction-memo';
