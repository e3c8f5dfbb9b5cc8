/**
 * Teams and practitioners, and who holds each open case. Every case-holding worker carries between
 * 10 and 25 open cases; team managers supervise rather than hold cases.
 */
import type { LcsTeamRecord as LcsTeam, LcsWorkerRecord as LcsWorker } from './records.ts';
import { Rng } from './prng.ts';
import { FEMALE_FORENAMES, MALE_FORENAMES, SURNAMES, TOWNS } from './names.ts';
import type { ScaleTargets } from './scales.ts';

export const MIN_CASELOAD = 10;
export const MAX_CASELOAD = 25;

const SOCIAL_WORK_SERVICES = ['Children in Care', 'Safeguarding', 'Assessment', 'Disabilities'] as const;
/**
 * Social work teams' services in turn: one team in eight for Disabilities, as disability is the
 * primary need of only 10-13% of children in need (their plans run longer, so about 15-20% of open
 * CIN plans). Disabilities workers sort last and take the last CIN cases, so a larger share of
 * teams would hold far more.
 */
const TEAM_SERVICE_ROTATION: readonly (typeof SOCIAL_WORK_SERVICES)[number][] = [
  'Children in Care',
  'Safeguarding',
  'Assessment',
  'Disabilities',
  'Children in Care',
  'Safeguarding',
  'Assessment',
  'Assessment',
];

export interface Workforce {
  teams: LcsTeam[];
  workers: LcsWorker[];
  /** Worker indexes who hold social work (CIN/CP/CLA) cases, and early help cases. */
  socialWorkers: number[];
  earlyHelpWorkers: number[];
}

/** Caseloads for `workers` people summing to `cases`, each within [MIN_CASELOAD, MAX_CASELOAD]. */
export function caseloads(workers: number, cases: number, rng: Rng): number[] {
  if (workers === 0 && cases === 0) return [];
  if (cases < workers * MIN_CASELOAD || cases > workers * MAX_CASELOAD) {
    throw new Error(
      `scale targets: ${cases} cases cannot be shared by ${workers} workers at ${MIN_CASELOAD}-${MAX_CASELOAD} each`,
    );
  }
  const loads = Array.from({ length: workers }, () => rng.int(MIN_CASELOAD + 2, MAX_CASELOAD - 2));
  let sum = loads.reduce((a, b) => a + b, 0);
  while (sum !== cases) {
    const w = rng.int(0, workers - 1);
    const load = loads[w] as number;
    if (sum > cases && load > MIN_CASELOAD) {
      loads[w] = load - 1;
      sum--;
    } else if (sum < cases && load < MAX_CASELOAD) {
      loads[w] = load + 1;
      sum++;
    }
  }
  return loads;
}

export function buildWorkforce(seed: string, targets: ScaleTargets): Workforce {
  const rng = new Rng(seed, 'workforce');
  const socialWorkCases = targets.lookedAfter + targets.onCpPlan + targets.openCin;
  const share = targets.openEarlyHelp / (socialWorkCases + targets.openEarlyHelp);
  const earlyHelpTeams = Math.min(targets.teams - 1, Math.max(1, Math.round(targets.teams * share)));
  const teams: LcsTeam[] = [];
  const workers: LcsWorker[] = [];
  const socialWorkers: number[] = [];
  const earlyHelpWorkers: number[] = [];
  const perTeam = Math.floor(targets.workers / targets.teams);
  let extra = targets.workers - perTeam * targets.teams;

  for (let t = 0; t < targets.teams; t++) {
    const earlyHelp = t >= targets.teams - earlyHelpTeams;
    const service = earlyHelp ? 'Early Help' : TEAM_SERVICE_ROTATION[t % TEAM_SERVICE_ROTATION.length]!;
    const teamId = `TM${String(t + 1).padStart(3, '0')}`;
    const town = TOWNS[t % TOWNS.length]!.name;
    const size = perTeam + (extra-- > 0 ? 1 : 0);
    const managerId = `W${String(workers.length + 1).padStart(5, '0')}`;
    teams.push({
      teamId,
      name: `${town} ${service} Team`,
      service,
      parentTeamId: null,
      managerWorkerId: managerId,
    });
    for (let m = 0; m < size; m++) {
      const manager = m === 0;
      const female = rng.chance(0.8);
      const forename = rng.pick(female ? FEMALE_FORENAMES : MALE_FORENAMES);
      const agencyRate = service === 'Disabilities' ? 0.43 : 0.18;
      const registered = !earlyHelp || manager;
      const jobTitle = manager
        ? 'Team Manager'
        : earlyHelp
          ? rng.pick(['Early Help Practitioner', 'Family Support Worker'])
          : rng.pick(['Social Worker', 'Social Worker', 'Senior Social Worker', 'Advanced Practitioner']);
      const index = workers.length;
      workers.push({
        workerId: `W${String(index + 1).padStart(5, '0')}`,
        staffId: `STF${String(20000 + index * 7 + rng.int(0, 6))}`,
        name: `${forename} ${rng.pick(SURNAMES)}`,
        socialWorkRegistration: registered ? `SW${String(rng.int(10000, 999999)).padStart(6, '0')}` : null,
        jobTitle,
        teamId,
        fte: rng.pick([1, 1, 1, 0.8, 0.6]),
        agency: !manager && rng.chance(agencyRate),
      });
      if (!manager) (earlyHelp ? earlyHelpWorkers : socialWorkers).push(index);
    }
  }
  // Children in Care teams first, so the looked-after cases (allocated first) land with them.
  socialWorkers.sort((a, b) => serviceRank(teams, workers[a]!) - serviceRank(teams, workers[b]!) || a - b);
  return { teams, workers, socialWorkers, earlyHelpWorkers };
}

function serviceRank(teams: readonly LcsTeam[], worker: LcsWorker): number {
  const team = teams.find((t) => t.teamId === worker.teamId);
  return SOCIAL_WORK_SERVICES.indexOf(
    (team?.service ?? 'Assessment') as (typeof SOCIAL_WORK_SERVICES)[number],
  );
}

/** Allocates each open case (in the order given) to a worker of the pool, in caseload-sized runs. */
export function allocateCases(
  cases: readonly number[],
  pool: readonly number[],
  rng: Rng,
): Map<number, number> {
  const loads = caseloads(pool.length, cases.length, rng);
  const allocation = new Map<number, number>();
  let next = 0;
  pool.forEach((worker, w) => {
    for (let k = 0; k < (loads[w] as number); k++) allocation.set(cases[next++] as number, worker);
  });
  return allocation;
}
