/**
 * Development sign-in for the GraphiQL page, in local auth mode only (the configuration refuses
 * local auth in production, and app.ts mounts this only in local mode): a persona for each role
 * over the simulated county, and a short-lived token for the one a developer picks.
 *
 *   GET  /dev/personas             -> { personas: [{ role, label, userId, workerId, teamId }], exampleChildId }
 *   POST /dev/token {"role": "…"}  -> { token, expiresAt }
 *
 * The social worker is allocated to the example child and the team manager runs its team, so the
 * same child can be opened as each role to see what each may see.
 */
import type { Logger } from 'pino';
import { mintToken, type LocalSigningKey } from '../../domain/access/index.ts';
import { ROLES, type Role } from '../../domain/access/types.ts';
import type { ExampleCase } from '../../../connectors/lcs/exampleCase.ts';
import { readJsonBody } from './body.ts';
import { sendError, sendJson } from './respond.ts';
import type { Route } from './router.ts';

/** Long enough for a session at the keyboard, short enough that a copied token soon expires. */
export const DEV_TOKEN_TTL_SECONDS = 3600;

/** `{"role": "…"}` and nothing much more. */
const TOKEN_BODY_LIMIT_BYTES = 1024;

/** A token or a persona list is for this developer only: never kept by a cache. */
const NO_STORE = { 'cache-control': 'no-store' } as const;

const LABELS: Record<Role, string> = {
  SOCIAL_WORKER: 'Social worker allocated to the example child',
  TEAM_MANAGER: 'Manager of the example child’s team',
  FRONT_DOOR: 'Front door (C-SPA / L-SPA) practitioner',
  EARLY_HELP: 'Early help worker',
  SEND_OFFICER: 'SEND officer',
  FINANCE: 'Finance officer',
  AUDITOR: 'Auditor',
  ADMIN: 'Administrator',
  DATA_STEWARD: 'Data steward (link review)',
};

export interface DevPersona {
  role: Role;
  label: string;
  userId: string;
  workerId: string | null;
  teamId: string | null;
}

export function personasFor(example: ExampleCase | null): DevPersona[] {
  return ROLES.map((role) => {
    const base = { role, label: LABELS[role], userId: `dev-${role.toLowerCase().replace(/_/g, '-')}` };
    if (example && role === 'SOCIAL_WORKER')
      return { ...base, workerId: example.workerId, teamId: example.teamId };
    if (example && role === 'TEAM_MANAGER')
      return { ...base, workerId: example.managerWorkerId, teamId: example.teamId };
    return { ...base, workerId: null, teamId: null };
  });
}

export interface DevSignInOptions {
  key: LocalSigningKey;
  issuer: string;
  audience: string;
  /** Reads the example case upstream; retried on the next request when it fails. */
  findExampleCase: () => Promise<ExampleCase | null>;
  logger: Logger;
}

export function devSignInRoutes(options: DevSignInOptions): Route[] {
  let example: Promise<ExampleCase | null> | null = null;
  const exampleCase = async (): Promise<ExampleCase | null> => {
    example ??= options.findExampleCase();
    try {
      return await example;
    } catch (error) {
      example = null;
      options.logger.warn(
        { err: error },
        'dev sign-in: no example case from LCS, personas without a worker or team',
      );
      return null;
    }
  };

  return [
    {
      methods: ['GET'],
      path: '/dev/personas',
      handler: async (_req, res) => {
        const found = await exampleCase();
        sendJson(
          res,
          200,
          { personas: personasFor(found), exampleChildId: found?.childId ?? null },
          NO_STORE,
        );
      },
    },
    {
      methods: ['POST'],
      path: '/dev/token',
      handler: async (req, res) => {
        res.setHeader('cache-control', 'no-store');
        const body = await readJsonBody(req, TOKEN_BODY_LIMIT_BYTES);
        const role = (body as { role?: unknown } | undefined)?.role;
        if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
          sendError(res, 'BAD_USER_INPUT', { message: `role must be one of ${ROLES.join(', ')}.` });
          return;
        }
        const persona = personasFor(await exampleCase()).find((p) => p.role === role)!;
        const issuedAt = Math.floor(Date.now() / 1000);
        const token = await mintToken(
          options.key,
          {
            userId: persona.userId,
            roles: [persona.role],
            name: persona.label,
            ...(persona.workerId ? { workerId: persona.workerId } : {}),
            ...(persona.teamId ? { teamId: persona.teamId } : {}),
          },
          { issuer: options.issuer, audience: options.audience, ttlSeconds: DEV_TOKEN_TTL_SECONDS, issuedAt },
        );
        sendJson(res, 200, {
          token,
          expiresAt: new Date((issuedAt + DEV_TOKEN_TTL_SECONDS) * 1000).toISOString(),
        });
      },
    },
  ];
}
