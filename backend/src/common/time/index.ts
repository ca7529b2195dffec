export * from './calendar';
export * from './memo';
