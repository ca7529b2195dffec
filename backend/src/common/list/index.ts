export * from './page.input';
export * from './list-query';
export * from './page.type';
