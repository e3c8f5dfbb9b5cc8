/**
 * GraphQL Code Generator: the resolver types in resolvers/types.generated.ts, from the SDL. Each
 * mapper names the model a parent resolver actually passes down (Child -> ChildView, Worker ->
 * { workerId }, ...), so tsc checks every resolver's parent, arguments and result against the schema.
 * Run `npm run codegen` after changing the schema or a model; the drift test fails when it is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: ['schema/*.graphql', 'schema/federation/subgraph.graphql'],
  generates: {
    'resolvers/types.generated.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        useIndexSignature: false,
        federation: true,
        enumsAsTypes: true,
        contextType: './context.ts#HubContext',
        scalars: { Date: 'string', DateTime: 'string', Pence: 'number' },
        mappers: {
          Child: './support/childView.ts#ChildView',
          ChildSearchResult: './child.ts#SearchHitModel',
          Worker: './workforce.ts#WorkerRef',
          Team: './workforce.ts#TeamRef',
          CaseloadEntry: './workforce.ts#CaseloadEntryModel',
          SocialCare: './socialCare.ts#SocialCareModel',
          Assessment: './socialCare.ts#AssessmentModel',
          Icpc: './socialCare.ts#IcpcModel',
          CpPlan: './socialCare.ts#CpPlanModel',
          Education: './education.ts#EducationModel',
          EhcpRequest: './education.ts#EhcpRequestModel',
          FrontDoor: './frontDoor.ts#FrontDoorModel',
          FrontDoorContact: './frontDoor.ts#FrontDoorContactModel',
          ChildFinance: './finance.ts#FinanceModel',
          ChildSendFinance: './finance.ts#SendFinanceModel',
          SendCost: './finance.ts#SendCostModel',
          ServiceAgreement: './finance.ts#ServiceAgreementModel',
          FinanceReport: './financeReports.ts#ReportModel',
          PerformanceReport: './performance.ts#PerformanceModel',
          FrontDoorMeasures: './performance.ts#FrontDoorMeasuresModel',
          OverdueChild: './performance.ts#OverdueChildModel',
          AccessRecord: './audit.ts#AccessRecordModel',
          EhcPlan: './send.ts#EhcPlanModel',
          CmeEpisode: './send.ts#CmeEpisodeModel',
          EhcpAnnualReviewMeasures: './send.ts#AnnualReviewMeasuresModel',
          MissingEducationMeasures: './send.ts#MissingEducationMeasuresModel',
        },
      },
    },
  },
};

export default config;
