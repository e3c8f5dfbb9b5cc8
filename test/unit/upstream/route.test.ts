import { describe, expect, it } from 'vitest';
import { routeTemplate } from '../../../src/platform/upstream/route.ts';

describe('routeTemplate', () => {
  it.each([
    ['/persons/40012345', '/persons/:id'],
    ['/persons/40012345/placements/PL-0042', '/persons/:id/placements/:id'],
    ['/pupils/A123456789012/attendance', '/pupils/:id/attendance'],
    ['/clients/3f1c2a9e-8d4b-4c1e-9f00-1a2b3c4d5e6f', '/clients/:id'],
    ['/v2/service-agreements', '/v2/service-agreements'],
    ['/persons/40012345?include=visits', '/persons/:id'],
    ['/search/Smith', '/search/:id'],
    ['/names/O%27Brien', '/names/:id'],
    ['persons/1', '/persons/:id'],
    ['/', '/'],
  ])('turns %s into %s', (path, template) => {
    expect(routeTemplate(path)).toBe(template);
  });
});
