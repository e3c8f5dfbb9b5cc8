/** The EYES contract's types, named from the generated OpenAPI types (never hand-copied). */
import type { components } from './types.generated.ts';

type S = components['schemas'];
export type EyesPupil = S['EyesPupil'];
export type EyesEducationRecord = S['EyesEducationRecord'];
export type EyesEnrolment = S['EyesEnrolment'];
export type EyesAttendance = S['EyesAttendance'];
export type EyesExclusion = S['EyesExclusion'];
export type EyesEhcpRequest = S['EyesEhcpRequest'];
export type EyesSenSupport = S['EyesSenSupport'];
export type EyesNeetStatus = S['EyesNeetStatus'];
export type EyesSetting = S['EyesSetting'];
export type EyesEhcpAnnualReview = S['EyesEhcpAnnualReview'];
export type EyesEhcpPlanSummary = S['EyesEhcpPlanSummary'];
export type EyesCmeEpisode = S['EyesCmeEpisode'];
export type { Batch, Page } from '../shared/wire.ts';
