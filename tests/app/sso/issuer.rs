//! RFC 9207: the provider names itself in its answer (`iss`), and an answer naming another
//! issuer is refused as one with another state is, though its code and state are good.

use rocket::http::Status;

use super::provider::OidcProvider;
use super::{app_for, sessions, start, user};

#[test]
fn an_answer_naming_another_issuer_is_refused_and_opens_no_session() -> anyhow::Result<()> {
    let Some(provider) = OidcProvider::start()? else {
        return Ok(());
    };
    let app = app_for(&provider, true)?;
    let back = provider.sign_in(&start(&app)?, "rita@example.com")?;
    let (path, query) = back.split_once('?').unwrap_or((&back, ""));
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
        .into_owned()
        .collect();
    // The provider does send it, naming itself.
    let sent = pairs
        .iter()
        .find(|(k, _)| k == "iss")
        .map(|(_, v)| v.clone());
    assert_eq!(sent, Some(provider.issuer()), "{back}");
    let forged: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter().map(|(k, v)| match k.as_str() {
            "iss" => (k.as_str(), "https://mix-up.example.com"),
            _ => (k.as_str(), v.as_str()),
        }))
        .finish();
    let refused = app.get(&format!("{path}?{forged}"));
    assert_eq!(refused.status, Status::BadRequest, "{}", refused.body);
    assert!(
        refused.body.contains("was not started here"),
        "{}",
        refused.body
    );
    assert_eq!(sessions(&app)?, 0);
    assert!(user(&app, "rita@example.com")?.is_none());

    // Its own name is taken, as the sign-in tests take it all along.
    let back = provider.sign_in(&start(&app)?, "rita@example.com")?;
    assert_eq!(app.get(&back).status, Status::SeeOther);
    assert_eq!(sessions(&app)?, 1);
    Ok(())
}
