/**
 * Moleculer's Prometheus reporter without its own HTTP server: the health server serves
 * `/metrics` beside the probes, so each service needs one port only.
 */
import { MetricReporters } from 'moleculer';

const PrometheusReporter = MetricReporters.Prometheus;

export class EmbeddedPrometheusReporter extends PrometheusReporter {
  override init(registry: ConstructorParameters<typeof PrometheusReporter>[0] & object): void {
    // BaseReporter.init wires the registry; skipping PrometheusReporter.init skips its server.
    Object.getPrototypeOf(PrometheusReporter.prototype).init.call(this, registry);
    const labels = (this.opts as { defaultLabels?: unknown }).defaultLabels;
    (this as unknown as { defaultLabels: unknown }).defaultLabels = labels;
  }

  override stop(): Promise<void> {
    return Promise.resolve();
  }

  render(): string {
    return (
      this as unknown as { generatePrometheusResponse(): string }
    ).generatePrometheusResponse();
  }
}
