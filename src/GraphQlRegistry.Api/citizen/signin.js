// Sign-in: a pasted token in development; in production the OIDC authority's authorization code flow with PKCE
// (RFC 7636, S256), as a public client. The token is kept in memory only: closing or reloading the page signs out.

const pkceKey = "registry-my-pkce";

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomText() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discover(authority) {
  const response = await fetch(`${authority.replace(/\/$/, "")}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new Error(`OIDC discovery: HTTP ${response.status}`);
  }

  return response.json();
}

function redirectUri() {
  return `${location.origin}/my`;
}

/** Leaves for the authority's sign-in page; it comes back to /my with ?code=…&state=…. */
export async function startOidcSignIn(oidc) {
  const metadata = await discover(oidc.authority);
  const verifier = randomText();
  const state = randomText();
  const challenge = base64Url(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier)));
  sessionStorage.setItem(pkceKey, JSON.stringify({ verifier, state, tokenEndpoint: metadata.token_endpoint }));
  const query = new URLSearchParams({
    response_type: "code",
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  location.assign(`${metadata.authorization_endpoint}?${query}`);
}

/** On the way back from the authority: the access token for the code, or null when this is not such a return. */
export async function completeOidcSignIn(oidc) {
  const parameters = new URLSearchParams(location.search);
  const code = parameters.get("code");
  const saved = JSON.parse(sessionStorage.getItem(pkceKey) ?? "null");
  sessionStorage.removeItem(pkceKey);
  history.replaceState(null, "", "/my");
  if (!oidc || !code || !saved || parameters.get("state") !== saved.state) {
    return null;
  }

  const response = await fetch(saved.tokenEndpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri(),
      client_id: oidc.clientId,
      code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) {
    throw new Error(`OIDC token: HTTP ${response.status}`);
  }

  return (await response.json()).access_token ?? null;
}
