// A real OpenID Connect provider (oidc-provider) for tests, on 127.0.0.1, with login and consent pages a test can
// fill in over HTTP. The login sets `amr` from the account, which the provider's built-in pages cannot.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no type declarations; the little used here is typed below.
import Provider from 'oidc-provider';

export const CLIENT_ID = 'schakel';
export const CLIENT_SECRET = 'a-client-secret-that-is-long-enough-for-hs256-0123456789';

/** The provider's own accounts: the account id is the subject. */
export interface ProviderAccount {
  email: string;
  emailVerified?: boolean;
  amr?: string[];
}

// The part of oidc-provider's API this test uses.
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<{
    uid: string;
    prompt: { name: string; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId: string };
    grantId?: string;
  }>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission: boolean },
  ): Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => {
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    save(): Promise<string>;
  };
}

/**
 * Login and consent pages of the provider, in the shape of its development interactions: a form with the prompt
 * and, for the login, the account. Own pages because the login must set `amr`, which the built-in ones cannot.
 */
async function interaction(
  oidc: OidcProvider,
  accounts: Map<string, ProviderAccount>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const details = await oidc.interactionDetails(req, res);
  if (req.method === 'GET') {
    res.setHeader('content-type', 'text/html');
    res.end(
      `<form method="post" action="/interaction/${details.uid}"><input type="hidden" name="prompt" value="${details.prompt.name}">` +
        `${details.prompt.name === 'login' ? '<input name="login">' : ''}<button>Go</button></form>`,
    );
    return;
  }
  let raw = '';
  for await (const chunk of req) raw += String(chunk);
  const body = new URLSearchParams(raw);
  if (body.get('prompt') === 'login' && details.prompt.name === 'login') {
    const accountId = body.get('login') ?? '';
    const amr = accounts.get(accountId)?.amr;
    await oidc.interactionFinished(
      req,
      res,
      { login: { accountId, ...(amr ? { amr } : {}) } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  if (body.get('prompt') === 'consent' && details.prompt.name === 'consent' && details.session) {
    const grant = new oidc.Grant({
      accountId: details.session.accountId,
      clientId: String(details.params.client_id),
    });
    const missingScope = details.prompt.details.missingOIDCScope as string[] | undefined;
    const missingClaims = details.prompt.details.missingOIDCClaims as string[] | undefined;
    if (missingScope) grant.addOIDCScope(missingScope.join(' '));
    if (missingClaims) grant.addOIDCClaims(missingClaims);
    await oidc.interactionFinished(
      req,
      res,
      { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true },
    );
    return;
  }
  res.statusCode = 400;
  res.end('unexpected interaction');
}

export interface TestProvider {
  issuer: string;
  /** The provider's accounts by id (the subject); tests add the people they need. */
  accounts: Map<string, ProviderAccount>;
  /** Plays the browser at the provider and returns the URL it sends back to the relying party. */
  signIn(authorizationUrl: string, accountId: string): Promise<URL>;
  close(): Promise<void>;
}

/** A real oidc-provider on 127.0.0.1 with one client whose redirect URI is `${publicUrl}/inloggen/oidc/callback`. */
export async function startTestProvider(publicUrl: string): Promise<TestProvider> {
  const accounts = new Map<string, ProviderAccount>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${publicUrl}/inloggen/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          email: account.email,
          email_verified: account.emailVerified ?? true,
        }),
      };
    },
    // amr with the openid scope: like most providers, it is then in every ID token without being asked for.
    claims: {
      acr: null,
      sid: null,
      auth_time: null,
      iss: null,
      openid: ['sub', 'amr'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
    cookies: { keys: ['oidc-test-cookie-key'] },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', use: 'sig', alg: 'RS256' }] },
  }) as OidcProvider;
  const handle = oidc.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(oidc, accounts, req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    } else handle(req, res);
  });
  return {
    issuer,
    accounts,
    signIn: (authorizationUrl, accountId) => signInAtProvider(authorizationUrl, accountId, publicUrl),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Just enough of a browser's cookie store for one provider: paths are ignored, expired cookies are dropped. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => {
        const [key = '', v = ''] = a.trim().split('=');
        return (
          (key.toLowerCase() === 'expires' && Date.parse(v) < Date.now()) ||
          (key.toLowerCase() === 'max-age' && Number(v) <= 0)
        );
      });
      if (expired || !value) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Follows the provider's redirects, fills in its login and consent forms, and returns the URL it sends back to Schakel. */
async function signInAtProvider(
  authorizationUrl: string,
  accountId: string,
  publicUrl: string,
): Promise<URL> {
  const jar = new CookieJar();
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin === publicUrl) return url;
    let response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(response);
    if (response.status === 200) {
      const form = await response.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(form)?.[1];
      const action = /action="([^"]+)"/.exec(form)?.[1];
      assert.ok(prompt && action, `no form at ${url.pathname}`);
      response = await fetch(new URL(action, url), {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt, ...(prompt === 'login' ? { login: accountId } : {}) }),
      });
      jar.store(response);
    }
    const location = response.headers.get('location');
    assert.ok(
      location,
      `the provider stopped at ${url.pathname} with ${response.status}: ${await response.text()}`,
    );
    url = new URL(location, url);
  }
  throw new Error('too many redirects');
}
