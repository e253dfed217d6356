//! The language a user reads the app in, chosen on /account: one of the catalogues' languages,
//! or none to follow the browser again.

use rocket::form::Form;
use rocket::request::{FromRequest, Outcome};
use rocket::response::{Flash, Redirect};
use rocket::{FromForm, Request, Route, State, post, routes};

use crate::auth::CurrentUser;
use crate::db::Db;
use crate::error::AppError;
use crate::i18n::{Lang, LanguageSettings};
use crate::models::User;

pub fn routes() -> Vec<Route> {
    routes![save]
}

#[derive(FromForm)]
struct LanguageChoice {
    /// A catalogue's tag, or empty for the browser's language.
    language: String,
}

/// The browser's `Accept-Language`: the flash is worded in the language the next page is in,
/// which for "the browser's language" is the browser's and not the setting just left.
struct BrowserAsks(Option<String>);

#[rocket::async_trait]
impl<'r> FromRequest<'r> for BrowserAsks {
    type Error = std::convert::Infallible;

    async fn from_request(request: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let header = request.headers().get_one("Accept-Language");
        Outcome::Success(BrowserAsks(header.map(str::to_owned)))
    }
}

#[post("/account/language", data = "<form>")]
async fn save(
    user: CurrentUser,
    db: &State<Db>,
    settings: &State<LanguageSettings>,
    browser: BrowserAsks,
    form: Form<LanguageChoice>,
) -> Result<Flash<Redirect>, AppError> {
    let typed = form.language.trim();
    // Only a tag we have a catalogue for: `de-AT` or `fr` would be stored and then read as
    // something else, or as nothing.
    let chosen = match Lang::ALL.iter().find(|l| l.tag() == typed) {
        Some(lang) => Some(*lang),
        None if typed.is_empty() => None,
        None => {
            let why = user.locale.t1("account-language-unknown", "typed", typed);
            return Ok(Flash::error(Redirect::to("/account"), why));
        }
    };
    let (id, tag) = (user.user.id, chosen.map(Lang::tag));
    db.run_as(user.actor(), move |c| Ok(User::set_language(c, id, tag)?))
        .await?;
    let next = settings.locale(tag, browser.0.as_deref());
    Ok(Flash::success(
        Redirect::to("/account"),
        next.t("account-language-saved"),
    ))
}
