/** The app's only way to the hub: POST /graphql with the signed-in viewer's bearer token. */

export interface GraphQLErrorBody {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; system?: string };
}

export interface GraphQLAnswer<T> {
  data: T | null;
  errors: GraphQLErrorBody[];
}

/** A request that produced no data at all (401, 403, a network failure, a malformed answer). */
export class HubError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Your sign-in has expired or is not valid. Sign in again.',
  FORBIDDEN: 'Your role may not see this.',
  NOT_FOUND: 'No child with that id, or not one you may see.',
  BAD_USER_INPUT: 'The hub could not read that request.',
  RATE_LIMITED: 'Too many requests: wait a moment and try again.',
};

export function messageFor(code: string | undefined): string {
  return (code && MESSAGES[code]) ?? 'The hub could not answer. Try again.';
}

export async function graphql<T>(
  endpoint: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query, variables }),
      credentials: 'same-origin',
    });
  } catch {
    throw new HubError('The hub cannot be reached.', 'NETWORK');
  }
  let body: { data?: T | null; errors?: GraphQLErrorBody[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new HubError(`The hub answered ${response.status}.`, 'INTERNAL');
  }
  const errors = body.errors ?? [];
  if (body.data == null) {
    const code = errors[0]?.extensions?.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL');
    throw new HubError(messageFor(code), code);
  }
  return { data: body.data, errors };
}
