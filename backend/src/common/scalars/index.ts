export * from './money.scalar';
export * from './date.scalar';
