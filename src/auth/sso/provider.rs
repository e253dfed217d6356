//! The OpenID provider, through the `openidconnect` crate: its discovery document and keys,
//! fetched at startup and again at the next sign-in when that failed, the authorization URL,
//! and the code exchanged for a verified ID token.

use base64::Engine;
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreGenderClaim, CoreIdToken, CoreIdTokenVerifier,
    CoreProviderMetadata,
};
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, IssuerUrl, Nonce, OAuth2TokenResponse,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope, SubjectIdentifier,
    TokenResponse, UserInfoClaims,
};
use rocket::tokio::sync::Mutex;

use super::SsoSettings;
use super::flow::PendingSignIn;

/// How long a request to the provider may take.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// The provider as managed state.
pub struct Provider {
    pub settings: SsoSettings,
    http: reqwest::Client,
    /// The discovery document with the signing keys; `None` until a discovery succeeded.
    metadata: Mutex<Option<CoreProviderMetadata>>,
}

/// What the provider said of the user, from an ID token whose signature, issuer, audience,
/// expiry and nonce were checked.
#[derive(Debug, Clone)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    /// Only `true` when the provider says so: a missing claim is no verification.
    pub email_verified: bool,
    pub name: Option<String>,
    /// Every claim of the ID token, for the role claim.
    pub claims: serde_json::Value,
}

/// Why a sign-in did not get an identity.
#[derive(Debug, thiserror::Error)]
pub enum SsoError {
    /// Discovery or the token request did not reach the provider, or it answered nonsense.
    #[error("the provider could not be reached: {0}")]
    Unreachable(String),
    /// The provider refused the code: used already, expired, or not this client's.
    #[error("the provider refused the code: {0}")]
    CodeRefused(String),
    /// The ID token failed a check: expired, wrong nonce, audience or signature.
    #[error("the ID token was refused: {0}")]
    TokenRefused(String),
}

impl Provider {
    pub fn new(settings: SsoSettings) -> anyhow::Result<Provider> {
        let http = reqwest::Client::builder()
            // A redirect would let the provider's answer send us anywhere (SSRF).
            .redirect(reqwest::redirect::Policy::none())
            .timeout(TIMEOUT)
            .build()?;
        Ok(Provider {
            settings,
            http,
            metadata: Mutex::new(None),
        })
    }

    /// Fetches the discovery document and keys unless they are here already. Sign-ins wait on
    /// one fetch rather than each sending their own.
    pub async fn discover(&self) -> Result<CoreProviderMetadata, SsoError> {
        let mut metadata = self.metadata.lock().await;
        if let Some(known) = metadata.as_ref() {
            return Ok(known.clone());
        }
        let issuer = IssuerUrl::new(self.settings.issuer.clone())
            .map_err(|e| SsoError::Unreachable(e.to_string()))?;
        let fetched = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| SsoError::Unreachable(error_chain(&e)))?;
        *metadata = Some(fetched.clone());
        Ok(fetched)
    }

    fn client(&self, metadata: CoreProviderMetadata) -> Result<Client, SsoError> {
        let redirect = RedirectUrl::new(self.settings.redirect_url.clone())
            .map_err(|e| SsoError::Unreachable(e.to_string()))?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.settings.client_id.clone()),
            Some(ClientSecret::new(self.settings.client_secret.clone())),
        )
        .set_redirect_uri(redirect))
    }

    /// Where to send the browser, and what to keep until it comes back.
    pub async fn start(&self, next: String) -> Result<(String, PendingSignIn), SsoError> {
        let client = self.client(self.discover().await?)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".to_owned()))
            .add_scope(Scope::new("profile".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        let pending = PendingSignIn {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            next,
        };
        Ok((url.to_string(), pending))
    }

    /// Exchanges the code (with the PKCE verifier) and checks the ID token it brings.
    pub async fn finish(&self, pending: PendingSignIn, code: String) -> Result<Identity, SsoError> {
        let client = self.client(self.discover().await?)?;
        let response = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| SsoError::Unreachable(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                RequestTokenError::ServerResponse(refusal) => {
                    SsoError::CodeRefused(refusal.error().to_string())
                }
                other => SsoError::Unreachable(error_chain(&other)),
            })?;
        let token = response
            .id_token()
            .ok_or_else(|| SsoError::TokenRefused("no ID token came with the code".to_owned()))?;
        let nonce = Nonce::new(pending.nonce);
        let first = identity_of(token, &client.id_token_verifier(), &nonce);
        let (client, mut identity) = match first {
            Ok(identity) => (client, identity),
            // The provider may have rotated its signing keys since they were fetched: fetch
            // them again, once, and check the same token against them.
            Err(ClaimsVerificationError::SignatureVerification(_)) => {
                *self.metadata.lock().await = None;
                let fresh = self.client(self.discover().await?)?;
                let identity = identity_of(token, &fresh.id_token_verifier(), &nonce)
                    .map_err(|e| SsoError::TokenRefused(e.to_string()))?;
                (fresh, identity)
            }
            Err(e) => return Err(SsoError::TokenRefused(e.to_string())),
        };
        if identity.email.is_none() {
            // Providers that follow the core specification to the letter keep the scopes'
            // claims (e-mail, groups) at the userinfo endpoint, out of an ID token that comes
            // with an access token. The endpoint must answer for the ID token's subject.
            let request = client
                .user_info(
                    response.access_token().clone(),
                    Some(SubjectIdentifier::new(identity.subject.clone())),
                )
                .map_err(|e| SsoError::TokenRefused(e.to_string()))?;
            let info: UserInfoClaims<OtherClaims, CoreGenderClaim> = request
                .request_async(&self.http)
                .await
                .map_err(|e| SsoError::TokenRefused(error_chain(&e)))?;
            identity.email = info.email().map(|e| e.to_string());
            identity.email_verified = info.email_verified() == Some(true);
            identity.name = identity
                .name
                .or_else(|| info.name().and_then(|n| n.get(None)).map(|n| n.to_string()));
            if let serde_json::Value::Object(known) = &mut identity.claims {
                for (name, value) in &info.additional_claims().rest {
                    known.entry(name.clone()).or_insert_with(|| value.clone());
                }
            }
        }
        Ok(identity)
    }
}

/// What a verified ID token says of the user.
fn identity_of(
    token: &CoreIdToken,
    verifier: &CoreIdTokenVerifier<'_>,
    nonce: &Nonce,
) -> Result<Identity, ClaimsVerificationError> {
    let claims = token.claims(verifier, nonce)?;
    Ok(Identity {
        issuer: claims.issuer().to_string(),
        subject: claims.subject().to_string(),
        email: claims.email().map(|e| e.to_string()),
        email_verified: claims.email_verified() == Some(true),
        name: claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.to_string()),
        claims: payload(token),
    })
}

/// The userinfo endpoint's claims beyond the standard ones (the role claim among them).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct OtherClaims {
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

impl openidconnect::AdditionalClaims for OtherClaims {}

/// The ID token's claims as JSON. Only called once the token is verified: its payload is then
/// the provider's word, and the claim the roles come from (`groups` or another) can be any.
fn payload(token: &CoreIdToken) -> serde_json::Value {
    let jwt = token.to_string();
    jwt.split('.')
        .nth(1)
        .and_then(|part| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(part)
                .ok()
        })
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or(serde_json::Value::Null)
}

/// An error with its causes, for the log: "error sending request" alone says little.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Discovery as the app lifts off, without waiting for it: a provider that is down stops no
/// one from logging in with a password, and the next sign-in tries again.
pub fn discover_at_liftoff() -> rocket::fairing::AdHoc {
    rocket::fairing::AdHoc::on_liftoff("OpenID provider discovery", |rocket| {
        Box::pin(async move {
            let Some(provider) = rocket.state::<super::Sso>().and_then(|sso| sso.0.clone()) else {
                return;
            };
            rocket::tokio::spawn(async move {
                match provider.discover().await {
                    Ok(_) => log::info!("OpenID provider {} found", provider.settings.issuer),
                    Err(e) => log::warn!(
                        "OpenID provider {}: {e}; single sign-on will try again at the next \
                         sign-in",
                        provider.settings.issuer
                    ),
                }
            });
        })
    })
}
