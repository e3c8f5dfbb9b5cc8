/** The LCS contract's types, named from the generated OpenAPI types (never hand-copied). */
import type { components } from './types.generated.ts';

type S = components['schemas'];
export type LcsPerson = S['LcsPerson'];
export type LcsSocialCareRecord = S['LcsSocialCareRecord'];
export type LcsContact = S['LcsContact'];
export type LcsReferral = S['LcsReferral'];
export type LcsAssessment = S['LcsAssessment'];
export type LcsS47 = S['LcsS47'];
export type LcsCinPlan = S['LcsCinPlan'];
export type LcsCpPlan = S['LcsCpPlan'];
export type LcsVisit = S['LcsVisit'];
export type LcsClaEpisode = S['LcsClaEpisode'];
export type LcsPlacement = S['LcsPlacement'];
export type LcsLegalStatus = S['LcsLegalStatus'];
export type LcsClaReview = S['LcsClaReview'];
export type LcsMissingEpisode = S['LcsMissingEpisode'];
export type LcsEarlyHelpEpisode = S['LcsEarlyHelpEpisode'];
export type LcsInvolvement = S['LcsInvolvement'];
export type LcsWorker = S['LcsWorker'];
export type LcsTeam = S['LcsTeam'];
export type LcsCinPlanReview = S['LcsCinPlanReview'];
export type LcsCareLeaver = S['LcsCareLeaver'];
export type LcsCareLeaverContact = S['LcsCareLeaverContact'];
export type LcsPathwayPlan = S['LcsPathwayPlan'];
export type LcsUasc = S['LcsUasc'];
export type { Batch, Page } from '../shared/wire.ts';
