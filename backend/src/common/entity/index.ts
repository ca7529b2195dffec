export * from './base.entity';
export * from './columns';
export * from './ids';
