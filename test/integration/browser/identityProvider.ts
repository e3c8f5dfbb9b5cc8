/**
 * A real OpenID provider on 127.0.0.1 for the production sign-in tests: panva's `oidc-provider` (a
 * certified implementation) with a login page of its own, standing in for the council's identity
 * provider. It issues the practitioner app (a public client: authorization code with PKCE) JWT
 * access tokens carrying the hub's claims (`roles`, `worker`, `team`, `name`), signed with a key it
 * publishes at `/jwks`, for the audience a test chooses (the hub's unless a test says otherwise).
 *
 * It listens first (so the hub can be configured with its issuer) and takes its client once the hub
 * is listening (so the client's redirect URI names the hub's port): `listenIdentityProvider()`, then
 * `open(client)`.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export interface Practitioner {
  password: string;
  name: string;
  roles: string[];
  worker?: string;
  team?: string;
}

export interface IdentityProvider {
  issuer: string;
  jwksUrl: string;
  /** The audience put on the app's access tokens; a test may change it to another API's. */
  audience: string;
  /** Lifetime of the app's access tokens; a test may shorten it. */
  accessTokenSeconds: number;
  /** Who may sign in, by user name. */
  practitioners: Map<string, Practitioner>;
  /** Starts answering as an OpenID provider with the app as its one client. */
  open(client: { clientId: string; redirectUri: string }): void;
  close(): Promise<void>;
}

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function listenIdentityProvider(audience: string): Promise<IdentityProvider> {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handle(req, res));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-es256', alg: 'ES256', use: 'sig' };

  const idp: IdentityProvider = {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    audience,
    accessTokenSeconds: 600,
    practitioners: new Map(),
    open(client) {
      const configuration: Configuration = {
        clients: [
          {
            client_id: client.clientId,
            token_endpoint_auth_method: 'none',
            grant_types: ['authorization_code'],
            response_types: ['code'],
            redirect_uris: [client.redirectUri],
            post_logout_redirect_uris: [client.redirectUri],
            id_token_signed_response_alg: 'ES256',
          },
        ],
        jwks: { keys: [signingKey] },
        cookies: { keys: ['test-cookie-key-for-the-identity-provider'] },
        pkce: { required: () => true },
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, IdToken: 600, AuthorizationCode: 60 },
        claims: { openid: ['sub'], profile: ['name'] },
        findAccount: (_ctx, sub) => {
          const who = idp.practitioners.get(sub);
          return who ? { accountId: sub, claims: () => ({ sub, name: who.name }) } : undefined;
        },
        // The hub reads who the viewer is from the access token.
        extraTokenClaims: (_ctx, token) => {
          const who = 'accountId' in token ? idp.practitioners.get(String(token.accountId)) : undefined;
          if (!who) return undefined;
          return {
            roles: who.roles,
            name: who.name,
            ...(who.worker ? { worker: who.worker } : {}),
            ...(who.team ? { team: who.team } : {}),
          };
        },
        // The app is first-party: no consent screen, its grant covers sign-in and the hub's API.
        loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
          const grantId =
            ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
          if (grantId) return ctx.oidc.provider.Grant.find(grantId);
          const grant = new ctx.oidc.provider.Grant({
            clientId: ctx.oidc.client!.clientId,
            accountId: ctx.oidc.session!.accountId!,
          });
          grant.addOIDCScope('openid profile');
          grant.addResourceScope(idp.audience, 'hub');
          await grant.save();
          return grant;
        },
        clientBasedCORS: (_ctx, origin, c) =>
          c.redirectUris?.some((uri) => new URL(uri).origin === origin) ?? false,
        features: {
          devInteractions: { enabled: false },
          rpInitiatedLogout: {
            enabled: true,
            logoutSource: (ctx, form) => {
              ctx.body = page(
                'Sign out of the council',
                `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`,
              );
            },
            postLogoutSuccessSource: (ctx) => {
              ctx.body = page('Signed out', '<p>You have signed out.</p>');
            },
          },
          resourceIndicators: {
            enabled: true,
            defaultResource: () => idp.audience,
            useGrantedResource: () => true,
            getResourceServerInfo: (_ctx, resource) => ({
              scope: 'hub',
              audience: resource,
              accessTokenFormat: 'jwt',
              accessTokenTTL: idp.accessTokenSeconds,
              jwt: { sign: { alg: 'ES256' } },
            }),
          },
        },
        renderError: (ctx, out) => {
          ctx.type = 'html';
          ctx.body = page(
            'Sign-in error',
            `<p>${escape(`${String(out.error)}: ${String(out.error_description)}`)}</p>`,
          );
        },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      };
      const provider = new Provider(issuer, configuration);
      const callback = provider.callback();

      handle = (req, res) => {
        const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(new URL(req.url ?? '/', issuer).pathname);
        if (!match) {
          callback(req, res);
          return;
        }
        void (async () => {
          const details = await provider.interactionDetails(req, res);
          if (req.method === 'POST' && match[2]) {
            const form = await formBody(req);
            const user = form.get('username') ?? '';
            const who = idp.practitioners.get(user);
            if (!who || who.password !== form.get('password')) {
              res.setHeader('content-type', 'text/html; charset=utf-8');
              res.end(page('Sign in to the council', `<p role="alert">Wrong user name or password.</p>`));
              return;
            }
            await provider.interactionFinished(req, res, { login: { accountId: user } });
            return;
          }
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end(
            page(
              'Sign in to the council',
              `<form method="post" action="/interaction/${details.uid}/login">
                <label for="username">User name</label> <input id="username" name="username" autocomplete="username">
                <label for="password">Password</label> <input id="password" name="password" type="password">
                <button type="submit">Sign in</button></form>`,
            ),
          );
        })().catch((error: unknown) => {
          res.statusCode = 400;
          res.end(
            page('Sign-in error', `<p>${escape(error instanceof Error ? error.message : 'failed')}</p>`),
          );
        });
      };
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  return idp;
}
