/** Matches a request path against route templates such as `/people/{personId}/social-care`. */
import { badRequest } from './errors.ts';

export interface CompiledTemplate<T> {
  readonly template: string;
  readonly value: T;
  readonly pattern: RegExp;
  readonly paramNames: readonly string[];
}

export interface RouteMatch<T> {
  readonly template: string;
  readonly value: T;
  readonly params: Readonly<Record<string, string>>;
}

export function compileTemplate<T>(template: string, value: T): CompiledTemplate<T> {
  const paramNames: string[] = [];
  const source = template
    .split('/')
    .map((segment) => {
      const param = /^\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(segment);
      if (param) {
        paramNames.push(param[1] as string);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { template, value, pattern: new RegExp(`^${source}$`), paramNames };
}

export class Router<T> {
  private readonly routes: CompiledTemplate<T>[] = [];

  add(template: string, value: T): void {
    this.routes.push(compileTemplate(template, value));
  }

  match(pathname: string): RouteMatch<T> | undefined {
    for (const route of this.routes) {
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      const params: Record<string, string> = {};
      route.paramNames.forEach((name, i) => {
        params[name] = decodeSegment(found[i + 1] as string, name);
      });
      return { template: route.template, value: route.value, params };
    }
    return undefined;
  }
}

function decodeSegment(raw: string, name: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw badRequest(`path parameter "${name}" is not validly percent-encoded`);
  }
}
