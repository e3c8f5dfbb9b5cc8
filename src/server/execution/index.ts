export {
  apolloExecution,
  createJitGateway,
  toGraphQLError,
  type JitGateway,
  type JitGatewayOptions,
  type JitExecutionStats,
} from './jitGateway.ts';
export { BoundedLru } from './lru.ts';
export { rememberMediaTypeChoices } from './mediaTypeChoices.ts';
