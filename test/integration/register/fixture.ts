/** Hand-made people and a register over them, for the register's tests (fictional, valid check digits). */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import {
  loadChildDirectory,
  type PersonFeed,
  type Restriction,
} from '../../../src/domain/identity/directory.ts';
import type { SourceRecord } from '../../../src/domain/identity/types.ts';
import { SYSTEMS } from '../../../src/platform/systems.ts';
import { startChildRegister, type ChildRegister } from '../../../src/platform/register/childRegister.ts';
import { openRegisterStore, type RegisterStore } from '../../../src/platform/register/store.ts';
import type { DatabaseSettings } from '../../../src/platform/register/sql.ts';
import { background, person } from '../../unit/identity/records.ts';

/** A valid NHS number from nine digits (computed here, not with the hub's helper). */
export function nhs(nine: string): string {
  const sum = [...nine].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) throw new Error('no valid check digit');
  return nine + String(check === 11 ? 0 : check);
}

export const NHS = { amara: nhs('401000001'), benedict: nhs('401000002'), cosmo: nhs('401000003') };

const amara = {
  forename: 'Amara',
  surname: 'Dunmore',
  dateOfBirth: '2014-02-11',
  sex: 'F' as const,
  postcodes: ['AB1 2CD'],
};
const benedict = {
  forename: 'Benedict',
  surname: 'Elwick',
  dateOfBirth: '2016-09-30',
  sex: 'M' as const,
  postcodes: ['CD3 4EF'],
};
const cosmo = {
  forename: 'Cosmo',
  surname: 'Holloway',
  dateOfBirth: '2012-06-01',
  sex: 'M' as const,
  postcodes: ['GH5 6IJ'],
};
const juno = {
  forename: 'William',
  surname: 'Ashdown',
  dateOfBirth: '2015-03-07',
  sex: 'M' as const,
  postcodes: ['AB1 2CD'],
};

/** The people every register test starts from. */
export function people(): SourceRecord[] {
  return [
    ...background(400),
    // Amara: LCS and EYES share her NHS number; a front-door contact is not yet linked.
    person({ system: 'lcs', localId: '100', ...amara, nhsNumber: NHS.amara }),
    person({ system: 'eyes', localId: 'P100', ...amara, nhsNumber: NHS.amara }),
    person({
      system: 'frontdoor',
      localId: 'F100',
      forename: 'Mara',
      surname: 'Zed',
      postcodes: ['ZZ9 9ZZ'],
    }),
    // Benedict: three records joined by his NHS number.
    person({ system: 'lcs', localId: '200', ...benedict, nhsNumber: NHS.benedict }),
    person({ system: 'eyes', localId: 'P200', ...benedict, nhsNumber: NHS.benedict }),
    person({ system: 'frontdoor', localId: 'F200', ...benedict, nhsNumber: NHS.benedict }),
    // Cosmo: known to EYES and the front door.
    person({ system: 'eyes', localId: 'P300', ...cosmo, nhsNumber: NHS.cosmo }),
    person({ system: 'frontdoor', localId: 'F300', ...cosmo, nhsNumber: NHS.cosmo }),
    // Juno and a contact that may be her (another surname and address): a possible match.
    person({ system: 'lcs', localId: '400', ...juno }),
    person({ system: 'frontdoor', localId: 'F400', ...juno, surname: 'Greystoke', postcodes: ['XY9 1AB'] }),
  ];
}

export const ADOPTION: Restriction = {
  reason: 'ADOPTION',
  allowedRoles: ['ADOPTION_TEAM'],
  allowedUsers: [],
};

export const amaraContact = (): SourceRecord =>
  person({ system: 'frontdoor', localId: 'F100', ...amara, nhsNumber: NHS.amara });
export const benedictLeaves = (): SourceRecord =>
  person({
    system: 'lcs',
    localId: '200',
    forename: 'Ezra',
    surname: 'Blackwood',
    dateOfBirth: '2009-01-01',
    sex: 'M',
    postcodes: ['PQ1 1RS'],
  });
export const cosmoRestricted = (): SourceRecord =>
  person({ system: 'lcs', localId: '300', ...cosmo, nhsNumber: NHS.cosmo, restricted: true });

/** Each system's people as pages of a feed, as the connectors hand them to the directory. */
export function feedsOf(
  records: SourceRecord[],
  restrictions = new Map<string, Restriction>(),
): PersonFeed[] {
  return SYSTEMS.map((system) => ({
    system,
    async *pages() {
      const mine = records.filter((record) => record.system === system);
      for (let at = 0; at < mine.length; at += 50)
        yield mine.slice(at, at + 50).map((record) => ({
          record,
          restriction: system === 'lcs' ? (restrictions.get(record.localId) ?? null) : null,
        }));
    },
  }));
}

/**
 * A register started as the hub starts it: from the records the register stores, or (when it holds
 * none) by reading `records` through feeds; `reads` counts the full reads of the systems.
 */
export async function startRegister(
  settings: DatabaseSettings,
  records: SourceRecord[] | null,
  options: {
    restrictions?: Map<string, Restriction>;
    pollMs?: number;
    reads?: { count: number };
    /** The linking rules this instance runs (default: the linker's own). */
    linkingRules?: string;
    /** Sees (and may wrap) the store the register is started over. */
    store?: (store: RegisterStore) => RegisterStore;
    prune?: { everyMs?: number; keepMs?: number };
    logger?: Logger;
    checkpoint?: { everyMs: number; afterChanges: number };
  } = {},
): Promise<ChildRegister> {
  const store = await openRegisterStore(settings, options.linkingRules);
  return startChildRegister(options.store ? options.store(store) : store, {
    pollMs: options.pollMs ?? 60_000,
    ...(options.prune ? { prune: options.prune } : {}),
    logger: options.logger,
    checkpoint: options.checkpoint,
    loadFromSystems: (wrap) => {
      if (records === null) throw new Error('this instance was to start from the register alone');
      if (options.reads) options.reads.count++;
      return loadChildDirectory(wrap(feedsOf(records, options.restrictions)));
    },
  });
}

/**
 * The register instances one test starts over its database: `stop` closes one mid-test (a restart),
 * `closeAll` (in afterEach) closes whatever the test left open, even when it failed.
 */
export function registerInstances(settings: () => DatabaseSettings) {
  const open: ChildRegister[] = [];
  return {
    start: async (...args: Parameters<typeof startRegister> extends [unknown, ...infer R] ? R : never) => {
      const register = await startRegister(settings(), ...args);
      open.push(register);
      return register;
    },
    stop: async (register: ChildRegister) => {
      open.splice(open.indexOf(register), 1);
      await register.close();
    },
    closeAll: () => Promise.all(open.splice(0).map((register) => register.close())),
  };
}

/** Log lines as objects, to see which way an instance started, what a warning or a scan says. */
export function capturedLogger(level: 'info' | 'debug' = 'info') {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: pino({ level }, stream), lines, raw };
}
