/** What a connector call carries from the GraphQL request: its deadline and its correlation id. */
export interface RequestScope {
  signal?: AbortSignal;
  requestId?: string;
}
