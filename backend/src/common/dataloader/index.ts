export * from './loaders.service';
export * from './relation-loaders';
