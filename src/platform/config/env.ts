/**
 * Small, strict readers for environment variables. Each reader records what went wrong under the
 * variable's name instead of throwing, so start-up can report every bad value at once.
 */
import { Kind } from '@sinclair/typebox';

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

  raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string;
  string(name: string): string | undefined;
  string(name: string, fallback?: string): string | undefined {
    return this.raw(name) ?? fallback;
  }

  int(
    name: string,
    fallback: number,
    { min = 0, max = Number.MAX_SAFE_INTEGER }: { min?: number | undefined; max?: number | undefined } = {},
  ): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^-?\d+$/.test(value)) return this.fail(name, `must be a whole number, got "${value}"`, fallback);
    const n = Number(value);
    if (n < min || n > max) return this.fail(name, `must be between ${min} and ${max}, got ${n}`, fallback);
    return n;
  }

  number(
    name: string,
    fallback: number,
    { min = 0, max = Number.MAX_VALUE }: { min?: number | undefined; max?: number | undefined } = {},
  ): number {
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

  /** An absolute URL with one of `schemes` (e.g. `['redis:', 'rediss:']`), without its trailing slashes. */
  url(name: string, schemes: readonly string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      const parsed = new URL(value);
      if (!schemes.includes(parsed.protocol)) {
        const wanted = schemes.map((scheme) => `${scheme}//`).join(' or ');
        return this.fail(name, `must be a ${wanted} URL, got protocol "${parsed.protocol}"`, undefined);
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

/** What reading a declared setting needs of its declaration (src/platform/config/schema.ts). */
interface DeclaredSetting {
  [Kind]: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  schemes?: readonly string[];
  anyOf?: readonly { const?: unknown }[];
}

/**
 * Reads `name` as `declared` says: its type, range, allowed values and default (`fallback`
 * replaces a default computed from other settings). Unset without a default: undefined.
 */
export function readDeclared(
  read: EnvReader,
  name: string,
  declared: DeclaredSetting,
  fallback: unknown = declared.default,
): unknown {
  const range = { min: declared.minimum, max: declared.maximum };
  switch (declared[Kind]) {
    case 'Integer':
      return read.raw(name) === undefined ? fallback : read.int(name, fallback as number, range);
    case 'Number':
      return read.raw(name) === undefined ? fallback : read.number(name, fallback as number, range);
    case 'Boolean':
      return read.raw(name) === undefined ? fallback : read.bool(name, fallback as boolean);
    case 'Union': {
      const allowed = (declared.anyOf ?? []).map((member) => String(member.const));
      return read.oneOf(name, allowed, fallback as string);
    }
    case 'String': {
      if (declared.schemes) return read.url(name, declared.schemes);
      const value = read.string(name);
      if (value === undefined) return fallback;
      if (declared.minLength !== undefined && value.length < declared.minLength)
        return read.fail(name, `must be at least ${declared.minLength} characters`, value);
      return value;
    }
    default:
      throw new Error(`${name}: no reader for a ${declared[Kind]} setting`);
  }
}
