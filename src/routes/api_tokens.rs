//! Personal API tokens from the browser: made and revoked on /account, and revoked by admins
//! on /users. A new token is shown once; only its hash is kept (`models::api_token`).

use crate::i18n::input::LocalForm;
use rocket::form::{Contextual, FromForm};
use rocket::response::content::RawHtml;
use rocket::{Route, State, get, post, routes};

use super::FormResponse;
use crate::auth::{Admin, CurrentUser};
use crate::db::Db;
use crate::error::AppError;
use crate::models::ApiToken;
use crate::models::api_token::DEFAULT_DAYS;
use crate::views::api_tokens::{TokenCreatedPage, TokenFormPage};
use crate::views::{FormState, Layout, render};

pub fn routes() -> Vec<Route> {
    routes![new, create, revoke_own, revoke_any]
}

#[derive(Debug, FromForm)]
struct NewToken {
    name: String,
    days: Option<i64>,
    read_only: bool,
}

#[get("/account/tokens/new")]
fn new(user: CurrentUser) -> Result<RawHtml<String>, AppError> {
    let form = FormState::with_values([("days", DEFAULT_DAYS.to_string())]);
    render(&TokenFormPage {
        layout: Layout::new("account", None, &user),
        form,
    })
}

#[post("/account/tokens", data = "<form>")]
async fn create(
    user: CurrentUser,
    db: &State<Db>,
    form: LocalForm<Contextual<'_, NewToken>>,
) -> Result<FormResponse, AppError> {
    let form = form.into_inner();
    let mut state = FormState::from_context(&form.context);
    let again = |state| {
        render(&TokenFormPage {
            layout: Layout::new("account", None, &user),
            form: state,
        })
    };
    let Some(token) = form.value else {
        return Ok(FormResponse::Invalid(again(state)?));
    };
    let days = token.days.unwrap_or(DEFAULT_DAYS);
    let wrong = ApiToken::problems(&token.name, days);
    if !wrong.is_empty() {
        for (field, why) in wrong {
            state.add_error(field, user.locale.say(&why));
        }
        return Ok(FormResponse::Invalid(again(state)?));
    }
    let id = user.user.id;
    let (made, secret) = db
        .run(move |c| Ok(ApiToken::create(c, id, &token.name, token.read_only, days)?))
        .await?;
    let layout = Layout::new("account", None, &user);
    Ok(FormResponse::Shown(render(&TokenCreatedPage::new(
        layout, &made, secret,
    ))?))
}

#[post("/account/tokens/<id>/revoke")]
async fn revoke_own(user: CurrentUser, db: &State<Db>, id: i64) -> Result<FormResponse, AppError> {
    let owner = user.user.id;
    let revoked = db
        .run(move |c| Ok(ApiToken::revoke(c, id, Some(owner))?))
        .await?;
    if revoked == 0 {
        return Err(AppError::NotFound);
    }
    Ok(FormResponse::saved(
        "/account",
        user.locale.t("token-revoked"),
    ))
}

#[post("/users/tokens/<id>/revoke")]
async fn revoke_any(admin: Admin, db: &State<Db>, id: i64) -> Result<FormResponse, AppError> {
    let revoked = db.run(move |c| Ok(ApiToken::revoke(c, id, None)?)).await?;
    if revoked == 0 {
        return Err(AppError::NotFound);
    }
    Ok(FormResponse::saved(
        "/users",
        admin.locale.t("token-revoked"),
    ))
}
