// Loaded first by main.ts so that http is instrumented before anything requires it.
import { startTracing } from '@par/service-kit/tracing';

startTracing('gateway');
