/**
 * One request's loaders for the four systems, each system's set built on first use: most
 * requests touch only some systems, and DataLoaders are per request so they are made often.
 */
import type { EntityCache } from '../src/platform/cache/types.ts';
import type { EyesClient } from './eyes/client.ts';
import { createEyesLoaders, type EyesLoaders } from './eyes/loaders.ts';
import type { FrontDoorClient } from './frontdoor/client.ts';
import { createFrontDoorLoaders, type FrontDoorLoaders } from './frontdoor/loaders.ts';
import type { LcsClient } from './lcs/client.ts';
import { createLcsLoaders, type LcsLoaders } from './lcs/loaders.ts';
import type { LiftHttpClient } from './lift/client.ts';
import { createLiftLoaders, type LiftLoaders } from './lift/loaders.ts';
import type { RequestScope } from './shared/scope.ts';

/** One request's loaders, a set per system (the request context carries them to resolvers). */
export interface Loaders {
  lcs: LcsLoaders;
  eyes: EyesLoaders;
  lift: LiftLoaders;
  frontdoor: FrontDoorLoaders;
}

export interface ConnectorClients {
  lcs: LcsClient;
  eyes: EyesClient;
  lift: LiftHttpClient;
  frontdoor: FrontDoorClient;
}

export function createRequestLoaders(
  clients: ConnectorClients,
  cache: EntityCache,
  scope: RequestScope,
): Loaders {
  let lcs: Loaders['lcs'] | undefined;
  let eyes: Loaders['eyes'] | undefined;
  let lift: Loaders['lift'] | undefined;
  let frontdoor: Loaders['frontdoor'] | undefined;
  return {
    get lcs() {
      return (lcs ??= createLcsLoaders(clients.lcs, cache, scope));
    },
    get eyes() {
      return (eyes ??= createEyesLoaders(clients.eyes, cache, scope));
    },
    get lift() {
      return (lift ??= createLiftLoaders(clients.lift, cache, scope));
    },
    get frontdoor() {
      return (frontdoor ??= createFrontDoorLoaders(clients.frontdoor, cache, scope));
    },
  };
}
