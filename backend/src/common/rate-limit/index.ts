export * from './anonymous-rate-limit.middleware';
export * from './login-rate-limit';
export * from './rate-limit.module';
export * from './rate-limit.service';
