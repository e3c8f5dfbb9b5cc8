/**
 * Start-up load of the link index: every system's person list, paged by its connector, read
 * concurrently and fed to the builder as pages arrive (the records are not accumulated, so peak
 * memory is the index plus a page per system).
 */
import { LinkIndexBuilder, type LinkIndex } from './linker.ts';
import type { SourceRecord } from './types.ts';
import type { SystemName } from '../../platform/systems.ts';
import { DEFAULT_SETTINGS, type LinkSettings } from './weights.ts';

export interface PersonSource {
  system: SystemName;
  pages(): AsyncIterable<SourceRecord[]>;
}

export interface LoadReport {
  /** Wall time reading every source (they are read concurrently). */
  loadMs: number;
  /** Time linking once everything was read. */
  buildMs: number;
  records: Partial<Record<SystemName, number>>;
}

/** Told after every page read (records so far, by system), and once when linking starts. */
export type LoadProgress = (
  phase: 'reading' | 'linking',
  records: Partial<Record<SystemName, number>>,
) => void;

export async function loadLinkIndex(
  sources: readonly PersonSource[],
  settings: Partial<LinkSettings> = {},
  onProgress?: LoadProgress,
): Promise<{ index: LinkIndex; report: LoadReport }> {
  const builder = new LinkIndexBuilder({ ...DEFAULT_SETTINGS, ...settings });
  const records: Partial<Record<SystemName, number>> = {};
  const started = performance.now();
  await Promise.all(
    sources.map(async (source) => {
      for await (const page of source.pages()) {
        for (const record of page) {
          // A source answering with another system's records is a wiring fault, not data to link.
          if (record.system !== source.system) {
            throw new Error(`Person source for ${source.system} returned a ${record.system} record.`);
          }
          builder.add(record);
        }
        records[source.system] = (records[source.system] ?? 0) + page.length;
        onProgress?.('reading', records);
      }
    }),
  );
  const loaded = performance.now();
  onProgress?.('linking', records);
  const index = builder.build();
  const built = performance.now();
  return {
    index,
    report: { loadMs: Math.round(loaded - started), buildMs: Math.round(built - loaded), records },
  };
}
