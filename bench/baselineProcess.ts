/** Bench process: the hand-written baseline, pointed at the simulators by BASELINE_* variables. */
import { createBaseline, listen } from './baseline.ts';
import { announceReady, exitOnSignal } from './processes.ts';

const need = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const server = createBaseline({
  lcs: need('LCS_URL'),
  eyes: need('EYES_URL'),
  lift: need('LIFT_URL'),
  frontdoor: need('FRONTDOOR_URL'),
});
const url = await listen(server);
exitOnSignal(() => new Promise<void>((resolve) => server.close(() => resolve())));
announceReady({ url });
