// A real OpenID provider on loopback for the single sign-on tests: the OpenID-certified
// oidc-provider, with its own tiny login step instead of its development pages.
//
//   node provider.mjs PORT [--claims-at-userinfo] [--new-keys]
//
// With --new-keys the provider signs with a key of its own, made at start, instead of
// oidc-provider's fixed development key: a restart with it is a key rotation.
//
// With --claims-at-userinfo the provider follows the core specification to the letter: an ID
// token that comes with an access token holds no scope claims (e-mail, groups), which the
// userinfo endpoint answers instead (oidc-provider's default, conformIdTokenClaims).
//
// One client, `talent-tracker` / `test-secret`, registered as a native application with the
// redirect URI http://127.0.0.1/sso/callback: loopback redirects may then use any port
// (RFC 8252, 7.3), as the tests' apps listen on ports chosen at run time.
//
// Accounts are e-mails; what the provider says of them:
//   una@example.com        email_verified false
//   late@example.com       an ID token that lives 1 s and reaches the client 2.5 s after it
//                          is made (the test hook for an expired ID token)
//   admin@example.com      groups ["hr-admins"]
//   anyone else            verified, groups ["recruiting"] when the local part starts with
//                          "rita" or "late", else ["staff"]
//
// The login step: GET /interaction/UID signs in `login_hint` at once when the authorization
// request had one; without it, it shows a form asking for the e-mail (what the browser test
// fills in), whose POST signs that e-mail in. Consent is given for every scope asked.

import crypto from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const issuer = `http://127.0.0.1:${port}`;

function account(email) {
  const local = email.split('@')[0];
  let groups = ['staff'];
  if (email === 'admin@example.com') groups = ['hr-admins'];
  else if (local.startsWith('rita') || local.startsWith('late')) groups = ['recruiting'];
  return {
    sub: email,
    email,
    email_verified: !local.startsWith('una'),
    name: local.charAt(0).toUpperCase() + local.slice(1),
    groups,
  };
}

function freshKeys() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { keys: [{ ...jwk, kid: crypto.randomUUID(), use: 'sig', alg: 'RS256' }] };
}

const slow = (email) => typeof email === 'string' && email.startsWith('late@');

const provider = new Provider(issuer, {
  clients: [{
    client_id: 'talent-tracker',
    client_secret: 'test-secret',
    application_type: 'native',
    redirect_uris: ['http://127.0.0.1/sso/callback'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  pkce: { required: () => true },
  // By default the claims the scopes grant go into the ID token itself, as most providers do.
  conformIdTokenClaims: process.argv.includes('--claims-at-userinfo'),
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'groups'],
  },
  async findAccount(ctx, id) {
    return { accountId: id, claims: async () => account(id) };
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  features: { devInteractions: { enabled: false } },
  ttl: {
    AccessToken: 600,
    AuthorizationCode: 60,
    Grant: 600,
    Interaction: 600,
    Session: 600,
    IdToken: (ctx, token) => (slow(token.available?.email) ? 1 : 600),
  },
  cookies: { keys: ['talent-tracker-test-only'] },
  ...(process.argv.includes('--new-keys') ? { jwks: freshKeys() } : {}),
});

// The expired ID token's hook: its answer waits until the token has expired.
provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && ctx.body && typeof ctx.body.id_token === 'string') {
    const payload = JSON.parse(Buffer.from(ctx.body.id_token.split('.')[1], 'base64url'));
    if (slow(payload.email)) await new Promise((done) => setTimeout(done, 2500));
  }
});

async function signIn(req, res, details, login) {
  const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: login }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const login = new URLSearchParams(body).get('login');
    return signIn(req, res, details, login);
  }
  if (details.params.login_hint) return signIn(req, res, details, details.params.login_hint);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(`<!doctype html><title>Test provider</title>
<form method="post" action="/interaction/${escape(details.uid)}">
<label>E-mail <input id="login" name="login" type="email"></label>
<button id="sign-in" type="submit">Sign in</button></form>`);
}

const callback = provider.callback();
http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((e) => {
      res.statusCode = 400;
      res.end(String(e));
    });
  } else {
    callback(req, res);
  }
}).listen(port, '127.0.0.1', () => console.log(`listening on ${issuer}`));
