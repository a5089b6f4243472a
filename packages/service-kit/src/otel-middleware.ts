/**
 * Carries the OpenTelemetry context across Moleculer calls: the caller's active context is
 * injected into `ctx.meta.otel`, and every local action runs in a span whose parent is that
 * context, so one trace follows a request from the gateway through every service.
 */
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Context, Middleware } from 'moleculer';
import type { PortalMeta } from './contract-action';

const tracer = trace.getTracer('@par/service-kit');

type Handler = (ctx: Context<unknown, PortalMeta>) => Promise<unknown>;

export const otelMiddleware: Middleware = {
  name: 'OpenTelemetry',

  call(next: (...args: unknown[]) => unknown) {
    return (actionName: string, params: unknown, opts: { meta?: PortalMeta } = {}) => {
      const otel: Record<string, string> = {};
      propagation.inject(context.active(), otel);
      return next(actionName, params, { ...opts, meta: { ...opts.meta, otel } });
    };
  },

  localAction(next: Handler, action: { name: string }) {
    return (ctx: Context<unknown, PortalMeta>) => {
      const parent = ctx.meta.otel
        ? propagation.extract(context.active(), ctx.meta.otel)
        : context.active();
      const span = tracer.startSpan(
        `action ${action.name}`,
        {
          kind: SpanKind.SERVER,
          attributes: {
            'moleculer.action': action.name,
            'moleculer.node': ctx.nodeID ?? '',
            'moleculer.request_id': ctx.requestID ?? '',
          },
        },
        parent,
      );
      return context.with(trace.setSpan(parent, span), async () => {
        // Calls made from this handler carry this span as their parent.
        const otel: Record<string, string> = {};
        propagation.inject(context.active(), otel);
        ctx.meta.otel = otel;
        try {
          return await next(ctx);
        } catch (err) {
          span.recordException(err as Error);
          span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
          throw err;
        } finally {
          span.end();
        }
      });
    };
  },
} as unknown as Middleware;
