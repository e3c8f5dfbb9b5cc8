/** Bench process: the hub alone, configured from the environment the bench gives it. */
import { createHub } from '../src/server/app.ts';
import { loadConfig } from '../src/platform/config/index.ts';
import { announceReady, exitOnSignal } from './processes.ts';

const started = performance.now();
const config = loadConfig(process.env);
const hub = await createHub(config);
const { url } = await hub.listen(0, '127.0.0.1');
exitOnSignal(() => hub.stop());
// BENCH_AWAIT_REPORT_FACTS: announce only once the report-fact warm-up has ended (it runs in the
// background either way; the reports phase measures a hub that has been up that long).
const warmUp =
  process.env['BENCH_AWAIT_REPORT_FACTS'] && hub.reportFacts ? await hub.reportFacts.warmedUp() : null;
announceReady({
  url,
  directory: hub.directory.stats(),
  ...(warmUp
    ? {
        warmUp: { ms: Math.round(performance.now() - started), failed: warmUp.failed.map((f) => f.resource) },
      }
    : {}),
});
