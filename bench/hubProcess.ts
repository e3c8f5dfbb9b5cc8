/** Bench process: the hub alone, configured from the environment the bench gives it. */
import { createHub } from '../src/app.ts';
import { loadConfig } from '../src/config/index.ts';
import { announceReady, exitOnSignal } from './processes.ts';

const config = loadConfig(process.env);
const hub = await createHub(config);
const { url } = await hub.listen(0, '127.0.0.1');
exitOnSignal(() => hub.stop());
announceReady({ url, directory: hub.directory.stats() });
