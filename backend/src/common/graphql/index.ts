export * from './complexity-limit.plugin';
export * from './depth-limit.rule';
export * from './introspection-switch.plugin';
