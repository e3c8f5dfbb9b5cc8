/** What the LCS connector accepts off the wire: each answer's contract schema, compiled once. */
import { compileContract, type Contract } from '../shared/contract.ts';
import * as schemas from './schemas.generated.ts';
import type {
  Batch,
  LcsAssessment,
  LcsCareLeaver,
  LcsCinPlan,
  LcsClaEpisode,
  LcsCpPlan,
  LcsInvolvement,
  LcsPerson,
  LcsPlacement,
  LcsReferral,
  LcsS47,
  LcsSocialCareRecord,
  LcsTeam,
  LcsUasc,
  LcsWorker,
  Page,
} from './types.ts';

const lcs = <K extends keyof typeof schemas>(schema: K) => compileContract('lcs', schemas, schema);

export const LCS_CONTRACTS: {
  personBatch: Contract<Batch<LcsPerson>>;
  personPage: Contract<Page<LcsPerson>>;
  person: Contract<LcsPerson>;
  socialCare: Contract<LcsSocialCareRecord>;
  workerBatch: Contract<Batch<LcsWorker>>;
  workerPage: Contract<Page<LcsWorker>>;
  teamBatch: Contract<Batch<LcsTeam>>;
  teamPage: Contract<Page<LcsTeam>>;
  involvementPage: Contract<Page<LcsInvolvement>>;
  referralPage: Contract<Page<LcsReferral>>;
  assessmentPage: Contract<Page<LcsAssessment>>;
  s47Page: Contract<Page<LcsS47>>;
  cpPlanPage: Contract<Page<LcsCpPlan>>;
  claEpisodePage: Contract<Page<LcsClaEpisode>>;
  placementPage: Contract<Page<LcsPlacement>>;
  cinPlanPage: Contract<Page<LcsCinPlan>>;
  careLeaverPage: Contract<Page<LcsCareLeaver>>;
  uascPage: Contract<Page<LcsUasc>>;
} = {
  personBatch: lcs('LcsPersonBatch'),
  personPage: lcs('LcsPersonPage'),
  person: lcs('LcsPerson'),
  socialCare: lcs('LcsSocialCareRecord'),
  workerBatch: lcs('LcsWorkerBatch'),
  workerPage: lcs('LcsWorkerPage'),
  teamBatch: lcs('LcsTeamBatch'),
  teamPage: lcs('LcsTeamPage'),
  involvementPage: lcs('LcsInvolvementPage'),
  referralPage: lcs('LcsReferralPage'),
  assessmentPage: lcs('LcsAssessmentPage'),
  s47Page: lcs('LcsS47Page'),
  cpPlanPage: lcs('LcsCpPlanPage'),
  claEpisodePage: lcs('LcsClaEpisodePage'),
  placementPage: lcs('LcsPlacementPage'),
  cinPlanPage: lcs('LcsCinPlanPage'),
  careLeaverPage: lcs('LcsCareLeaverPage'),
  uascPage: lcs('LcsUascPage'),
};
