/**
 * Small, strict readers for environment variables. Each reader records what went wrong under the
 * variable's name instead of throwing, so start-up can report every bad value at once.
 */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string;
  string(name: string): string | undefined;
  string(name: string, fallback?: string): string | undefined {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) return this.fail(name, `must be a whole number, got "${value}"`, fallback);
    const n = Number(value);
    if (n < min || n > max) return this.fail(name, `must be between ${min} and ${max}, got ${n}`, fallback);
    return n;
  }

  number(name: string, fallback: number, { min = 0, max = Number.MAX_VALUE } = {}): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isFinite(n)) return this.fail(name, `must be a number, got "${value}"`, fallback);
    if (n < min || n > max) return this.fail(name, `must be between ${min} and ${max}, got ${n}`, fallback);
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['1', 'true', 'yes', 'on'].includes(value)) return true;
    if (['0', 'false', 'no', 'off'].includes(value)) return false;
    return this.fail(name, `must be true or false, got "${value}"`, fallback);
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    return this.fail(name, `must be one of ${allowed.join(', ')}, got "${value}"`, fallback);
  }

  url(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (!['http:', 'https:', 'redis:', 'rediss:'].includes(parsed.protocol)) {
        return this.fail(
          name,
          `must be an http(s) or redis URL, got protocol "${parsed.protocol}"`,
          undefined,
        );
      }
      return value.replace(/\/+$/, '');
    } catch {
      return this.fail(name, 'must be an absolute URL', undefined);
    }
  }

  list(name: string): string[] {
    const value = this.raw(name);
    return value === undefined
      ? []
      : value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
  }

  fail<T>(name: string, problem: string, fallback: T): T {
    this.problems.push(`${name} ${problem}`);
    return fallback;
  }
}
