export * from './action';
export * from './auth';
export * from './errors';
export * from './accounts.actions';
export * from './accounts.events';
export * from './gateway.actions';
export * from './routes';
export * from './services';
