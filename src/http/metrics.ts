// A tiny Prometheus text-format registry: counters and gauges, no labels beyond a fixed set.
export class Metrics {
  private readonly counters = new Map<string, { help: string; values: Map<string, number> }>();
  private readonly gauges = new Map<string, { help: string; read: () => number | Promise<number> }>();

  counter(name: string, help: string): (labels?: Record<string, string>, by?: number) => void {
    const entry = this.counters.get(name) ?? { help, values: new Map<string, number>() };
    this.counters.set(name, entry);
    return (labels = {}, by = 1) => {
      const key = Object.entries(labels)
        .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
        .join(',');
      entry.values.set(key, (entry.values.get(key) ?? 0) + by);
    };
  }

  gauge(name: string, help: string, read: () => number | Promise<number>): void {
    this.gauges.set(name, { help, read });
  }

  async render(): Promise<string> {
    const lines: string[] = [];
    for (const [name, { help, values }] of this.counters) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      if (values.size === 0) lines.push(`${name} 0`);
      for (const [labels, v] of values) lines.push(labels ? `${name}{${labels}} ${v}` : `${name} ${v}`);
    }
    for (const [name, { help, read }] of this.gauges) {
      let v: number;
      try {
        v = await read();
      } catch {
        continue;
      }
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`, `${name} ${v}`);
    }
    return `${lines.join('\n')}\n`;
  }
}
