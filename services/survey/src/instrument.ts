// Loaded first by main.ts so that http and mongodb are instrumented before anything requires them.
import { startTracing } from '@par/service-kit/tracing';

startTracing('survey');
