import { z } from 'zod';

// Zod's own validation texts in Vietnamese, for the fields our schemas give no message key.
z.config(z.locales.vi());

export * from './audit-trail';
export * from './authorize';
export * from './channels';
export * from './contract-action';
export * from './database';
export * from './errors';
export * from './health-server';
export * from './in-flight-limit';
export * from './metrics-reporter';
export * from './inbox';
export * from './moleculer-config';
export * from './outbox';
export * from './realm-keys';
export * from './otel-middleware';
export * from './production-secrets';
export * from './run-service';
export * from './service-principal';
export * from './token-verifier';
export * from './validation';
export * from './verified-caller';
export * from './versioned-write';
export * from './object-storage';
export * from './uploaded-object';
