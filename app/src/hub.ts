/** The signed-in hub the screens talk to, passed down by React context. */
import { createContext, useContext } from 'react';
import { graphql, HubError, type GraphQLAnswer } from './api.ts';

export interface Hub {
  endpoint: string;
  /** Roles of the signed-in viewer, from `me`. */
  roles: string[];
  teamId: string | null;
  /** An example child to open (development sign-in only). */
  exampleChildId: string | null;
  run<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
}

export const HubContext = createContext<Hub | null>(null);

export function useHub(): Hub {
  const hub = useContext(HubContext);
  if (!hub) throw new Error('useHub outside a signed-in app');
  return hub;
}

/** `onRefused`: the hub no longer accepts the token (expired early, revoked): the viewer is signed out. */
export function hubFor(
  endpoint: string,
  token: string,
  viewer: { roles: string[]; teamId: string | null },
  exampleChildId: string | null,
  onRefused: () => void = () => {},
): Hub {
  return {
    endpoint,
    ...viewer,
    exampleChildId,
    run: async (query, variables) => {
      try {
        return await graphql(endpoint, token, query, variables);
      } catch (error) {
        if (error instanceof HubError && error.code === 'UNAUTHENTICATED') onRefused();
        throw error;
      }
    },
  };
}
