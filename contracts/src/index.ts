export * from './access.ts';
export * from './api-clients.ts';
export * from './health.ts';
export * from './identity.ts';
export * from './org.ts';
export * from './personal-number/index.ts';
export * from './problem.ts';
export * from './tasks.ts';
