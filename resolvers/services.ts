/**
 * The hub's long-lived parts that resolvers reach through the context. Built once in app.ts.
 */
import type { HubConfig } from '../src/platform/config/index.ts';
import type { ChildDirectory } from '../src/domain/identity/directory.ts';
import type { ChildRegister } from '../src/platform/register/childRegister.ts';
import type { AuditTrail } from '../src/platform/audit/index.ts';
import type { TimescaleRules } from '../src/domain/rules/timescales.ts';
import type { LcsClient } from '../connectors/lcs/client.ts';
import type { EyesClient } from '../connectors/eyes/client.ts';
import type { LiftHttpClient } from '../connectors/lift/client.ts';
import type { FrontDoorClient } from '../connectors/frontdoor/client.ts';
import type { EntityCache } from '../src/platform/cache/types.ts';

export interface HubServices {
  config: HubConfig;
  /** The children: the register when it is on (then the same object as `register`), else the linker's. */
  directory: ChildDirectory;
  /** Stable hub ids, id histories and stewards' decisions; null when REGISTER_ENABLED=false. */
  register: ChildRegister | null;
  audit: AuditTrail;
  /** Statutory timescales over the working-day calendar. */
  rules: TimescaleRules;
  cache: EntityCache;
  clients: { lcs: LcsClient; eyes: EyesClient; lift: LiftHttpClient; frontdoor: FrontDoorClient };
  /** The same systems through the report bulkhead: bulk report reads only (connectors/reportSources.ts). */
  reportClients: HubServices['clients'];
  /** Wall-clock now in ms; injected so tests can fix "today". */
  now: () => number;
}
