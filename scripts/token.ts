/**
 * Mints a development bearer token signed with the hub's local key (the same key file the hub
 * uses in local auth mode), printed on stdout.
 *
 *   npm run token -- --user U --role R [--role R2] [--team T] [--worker W] [--name N] [--ttl 8h]
 *
 * Environment: AUTH_LOCAL_KEY_FILE (default .tmp/dev-signing-key.json), AUTH_ISSUER, AUTH_AUDIENCE.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_LOCAL_ISSUER,
  ROLES,
  isRole,
  loadLocalSigningKey,
  localKeyFilePath,
  mintToken,
  parseTtl,
} from '../src/domain/access/index.ts';

function fail(message: string): never {
  console.error(`token: ${message}`);
  console.error('usage: npm run token -- --user U --role R [--team T] [--worker W] [--name N] [--ttl 8h]');
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      user: { type: 'string' },
      role: { type: 'string', multiple: true },
      team: { type: 'string' },
      worker: { type: 'string' },
      name: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
    strict: true,
  });
  if (!values.user) fail('--user is required');
  const roles = (values.role ?? [])
    .flatMap((role) => role.split(','))
    .map((role) => role.trim().toUpperCase());
  if (roles.length === 0) fail(`at least one --role is required (${ROLES.join(', ')})`);
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) fail(`unknown role(s) ${unknown.join(', ')}; known: ${ROLES.join(', ')}`);

  let ttlSeconds: number;
  try {
    ttlSeconds = parseTtl(values.ttl);
  } catch (error) {
    fail((error as Error).message);
  }

  const key = await loadLocalSigningKey(localKeyFilePath());
  const token = await mintToken(
    key,
    {
      userId: values.user,
      roles: roles.filter(isRole),
      name: values.name,
      teamId: values.team ?? null,
      workerId: values.worker ?? null,
    },
    {
      issuer: process.env.AUTH_ISSUER || DEFAULT_LOCAL_ISSUER,
      audience: process.env.AUTH_AUDIENCE || DEFAULT_AUDIENCE,
      ttlSeconds,
    },
  );
  console.log(token);
}

main().catch((error: unknown) => {
  console.error(`token: ${(error as Error).message}`);
  process.exit(1);
});
