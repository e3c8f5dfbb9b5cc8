/** What the EYES connector accepts off the wire: each answer's contract schema, compiled once. */
import { compileContract, type Contract } from '../shared/contract.ts';
import * as schemas from './schemas.generated.ts';
import type {
  Batch,
  EyesCmeEpisode,
  EyesEducationRecord,
  EyesEhcpPlanSummary,
  EyesEhcpRequest,
  EyesPupil,
  EyesSetting,
  Page,
} from './types.ts';

const eyes = <K extends keyof typeof schemas>(schema: K) => compileContract('eyes', schemas, schema);

export const EYES_CONTRACTS: {
  pupilBatch: Contract<Batch<EyesPupil>>;
  pupilPage: Contract<Page<EyesPupil>>;
  pupil: Contract<EyesPupil>;
  record: Contract<EyesEducationRecord>;
  settingBatch: Contract<Batch<EyesSetting>>;
  ehcpRequestPage: Contract<Page<EyesEhcpRequest>>;
  ehcpPlanPage: Contract<Page<EyesEhcpPlanSummary>>;
  cmeEpisodePage: Contract<Page<EyesCmeEpisode>>;
} = {
  pupilBatch: eyes('EyesPupilBatch'),
  pupilPage: eyes('EyesPupilPage'),
  pupil: eyes('EyesPupil'),
  record: eyes('EyesEducationRecord'),
  settingBatch: eyes('EyesSettingBatch'),
  ehcpRequestPage: eyes('EyesEhcpRequestPage'),
  ehcpPlanPage: eyes('EyesEhcpPlanSummaryPage'),
  cmeEpisodePage: eyes('EyesCmeEpisodePage'),
};
