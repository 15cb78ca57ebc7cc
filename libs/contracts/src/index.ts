export * from './roles';
export * from './errors';
export * from './auth';
export * from './admin';
export * from './routes';
export * from './cases';
export * from './workflows';
export * from './audit';
