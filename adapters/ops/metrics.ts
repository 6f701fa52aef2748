/** Prometheus metrics (prom-client): what a team graphs and alerts on. */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly commands = new Counter({ name: 'sco_commands_total', help: 'Questions answered, by intent and platform', labelNames: ['intent', 'platform'], registers: [this.registry] });
  readonly latency = new Histogram({
    name: 'sco_answer_seconds',
    help: 'Time to build an answer, by platform',
    labelNames: ['platform'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly errors = new Counter({ name: 'sco_errors_total', help: 'Failures answering, by platform', labelNames: ['platform'], registers: [this.registry] });
  readonly rateLimited = new Counter({ name: 'sco_rate_limited_total', help: 'Questions refused by the per-user rate limit', labelNames: ['platform'], registers: [this.registry] });
  readonly reloads = new Counter({ name: 'sco_fact_base_reloads_total', help: 'Fact base reloads, by result', labelNames: ['result'], registers: [this.registry] });
  readonly posts = new Counter({ name: 'sco_daily_posts_total', help: 'Daily posts sent, by platform and result', labelNames: ['platform', 'result'], registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'sco_' });
  }
}
