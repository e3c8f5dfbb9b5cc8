/** What a connector call carries from the GraphQL request: its deadline and its correlation id. */
export interface RequestScope {
  signal?: AbortSignal;
  /** When the request's deadline passes (epoch ms), so no retry wait outlasts it. */
  deadlineAt?: number;
  requestId?: string;
}
