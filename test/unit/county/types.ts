/**
 * Precise record shapes for assertions. The contracts' Static<> types are widened, so tests read
 * records through the generator's own shapes (the schema tests prove they match the contracts).
 */
export type {
  EyesEducationRecordShape as EyesRecord,
  EyesPupilRecord as Pupil,
  FrontDoorContactRecord as Contact,
  LcsPersonRecord as Person,
  LcsSocialCareRecordShape as SocialCare,
  LiftAgreementRecord as Agreement,
  LiftClientRecord as Client,
  LiftPaymentRecord as Payment,
} from '../../../simulators/county/records.ts';
