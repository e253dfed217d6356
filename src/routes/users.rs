//! Managing users in the browser, for admins: create with a role, change the role,
//! deactivate and reactivate, and one-time password links. The command line does the same.

use crate::i18n::input::LocalForm;
use chrono::{Duration, Utc};
use diesel::Connection;
use rocket::form::{Contextual, Form};
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{FromForm, Route, State, get, post, routes};

use super::FormResponse;
use super::site_url::SiteUrl;
use crate::auth::sso::Sso;
use crate::auth::{Admin, password, random_token};
use crate::db::Db;
use crate::domain::{ChoiceName, Email, Role, Text};
use crate::error::AppError;
use crate::models::outbox::{MailKind, Outbox};
use crate::models::sso_identity::SsoIdentity;
use crate::models::{AdminGuarded, NewUser, PASSWORD_LINK_DAYS, PasswordLink, User};
use crate::views::users::{LinkPage, UsersPage};
use crate::views::{FormState, Layout, render};

pub fn routes() -> Vec<Route> {
    routes![
        index,
        create,
        change_role,
        deactivate,
        activate,
        password_link
    ]
}

#[derive(FromForm)]
struct NewAccount {
    email: Email,
    display_name: Text,
    role: Role,
}

#[derive(FromForm)]
struct RoleChange {
    role: Role,
}

async fn page(
    db: &Db,
    sso: &Sso,
    admin: &Admin,
    flash: Option<FlashMessage<'_>>,
    form: FormState,
    refusal: Option<String>,
) -> Result<RawHtml<String>, AppError> {
    let provider = sso.password_login_off().map(str::to_owned);
    let provider_users = provider.is_some();
    let (users, tokens, provider_users) = db
        .run(move |c| {
            let provider_users = match provider_users {
                true => SsoIdentity::user_ids(c)?,
                false => Vec::new(),
            };
            Ok((
                User::all(c)?,
                crate::models::ApiToken::all(c)?,
                provider_users,
            ))
        })
        .await?;
    let page = UsersPage {
        tokens: crate::views::api_tokens::TokenRow::everyones(tokens, admin.locale),
        ..UsersPage::new(Layout::new("users", flash, admin), users, form, refusal)
    };
    render(&page.provider_only(provider.as_deref(), &provider_users))
}

#[get("/users")]
async fn index(
    admin: Admin,
    db: &State<Db>,
    sso: &State<Sso>,
    flash: Option<FlashMessage<'_>>,
) -> Result<RawHtml<String>, AppError> {
    let form = FormState::with_values([("role", Role::Viewer.as_str().to_owned())]);
    page(db, sso, &admin, flash, form, None).await
}

/// The new user gets no password: the page shows a link to set one, once. Nobody, not even
/// the admin, ever knows it.
#[post("/users", data = "<form>")]
async fn create(
    admin: Admin,
    db: &State<Db>,
    sso: &State<Sso>,
    site: SiteUrl,
    form: LocalForm<Contextual<'_, NewAccount>>,
) -> Result<FormResponse, AppError> {
    let form = form.into_inner();
    let mut state = FormState::from_context(&form.context);
    let Some(account) = form.value else {
        return Ok(FormResponse::Invalid(
            page(db, sso, &admin, None, state, None).await?,
        ));
    };
    let unusable = password::hash_off_thread(random_token()).await?;
    let (token, expires) = (
        random_token(),
        Utc::now() + Duration::days(PASSWORD_LINK_DAYS),
    );
    let link_token = token.clone();
    let email = account.email.into_inner();
    let created = db
        .run_as(admin.actor(), move |c| {
            let new = NewUser {
                email: &email,
                display_name: account.display_name.as_str(),
                role: account.role,
                password_hash: &unusable,
            };
            c.transaction(|c| -> Result<_, AppError> {
                let Some(user) = PasswordLink::new_user(c, &new, &link_token, expires)? else {
                    return Ok(None);
                };
                let mailed = Outbox::link(c, MailKind::NewUser, user.id, &link_token)?;
                Ok(Some((user, mailed)))
            })
        })
        .await;
    let (user, mailed) = match created {
        Ok(Some(created)) => created,
        Err(e) if !e.violates(crate::models::user::EMAIL_UNIQUE_INDEX) => return Err(e),
        _ => {
            state.add_error("email", admin.locale.t("user-email-taken"));
            return Ok(FormResponse::Invalid(
                page(db, sso, &admin, None, state, None).await?,
            ));
        }
    };
    let link = (!mailed).then(|| site.link("/password-link", &token));
    let page = LinkPage::new(Layout::new("users", None, &admin), user, link, true);
    Ok(FormResponse::Shown(render(&page)?))
}

/// The redirect after a change, or the list again saying why the last admin stays one.
async fn guarded(
    db: &Db,
    sso: &Sso,
    admin: &Admin,
    outcome: AdminGuarded,
    done: String,
) -> Result<FormResponse, AppError> {
    match outcome {
        AdminGuarded::Done => Ok(FormResponse::saved("/users", done)),
        AdminGuarded::LastAdmin => {
            let why = admin.locale.t("user-last-admin");
            let form = FormState::with_values([("role", Role::Viewer.as_str().to_owned())]);
            let page = page(db, sso, admin, None, form, Some(why)).await?;
            Ok(FormResponse::Refused(page))
        }
    }
}

async fn existing(db: &Db, id: i64) -> Result<User, AppError> {
    db.run(move |c| User::find(c, id)?.ok_or(AppError::NotFound))
        .await
}

#[post("/users/<id>/role", data = "<form>")]
async fn change_role(
    admin: Admin,
    db: &State<Db>,
    sso: &State<Sso>,
    id: i64,
    form: Form<RoleChange>,
) -> Result<FormResponse, AppError> {
    let user = existing(db, id).await?;
    let role = form.role;
    let outcome = db
        .run_as(admin.actor(), move |c| Ok(User::set_role(c, id, role)?))
        .await?;
    let done = admin.locale.t2(
        "user-role-changed",
        &("name", &user.display_name),
        &("role", role.label_in(admin.locale.lang)),
    );
    // An admin who gave up their own role can no longer see the users page.
    if id == admin.user.id && role != Role::Admin && outcome == AdminGuarded::Done {
        return Ok(FormResponse::saved("/", done));
    }
    guarded(db, sso, &admin, outcome, done).await
}

/// Their sessions end in the same transaction: a deactivated user is logged out at once.
#[post("/users/<id>/deactivate")]
async fn deactivate(
    admin: Admin,
    db: &State<Db>,
    sso: &State<Sso>,
    id: i64,
) -> Result<FormResponse, AppError> {
    let user = existing(db, id).await?;
    let outcome = db
        .run_as(admin.actor(), move |c| Ok(User::deactivate(c, id)?))
        .await?;
    let done = admin
        .locale
        .t1("user-deactivated", "name", &user.display_name);
    guarded(db, sso, &admin, outcome, done).await
}

#[post("/users/<id>/activate")]
async fn activate(admin: Admin, db: &State<Db>, id: i64) -> Result<FormResponse, AppError> {
    let user = existing(db, id).await?;
    db.run_as(admin.actor(), move |c| Ok(User::activate(c, id)?))
        .await?;
    let done = admin
        .locale
        .t1("user-reactivated", "name", &user.display_name);
    Ok(FormResponse::saved("/users", done))
}

/// A new link replaces the user's older one; their password works until the link is used.
/// None is issued to a user who signs in through the provider only: the login would refuse
/// the password it sets, and the link would be one more way in that the provider's MFA and
/// offboarding do not guard.
#[post("/users/<id>/password-link")]
async fn password_link(
    admin: Admin,
    db: &State<Db>,
    sso: &State<Sso>,
    site: SiteUrl,
    id: i64,
) -> Result<FormResponse, AppError> {
    let user = existing(db, id).await?;
    if let Some(provider) = sso.password_login_off()
        && db.run(move |c| Ok(SsoIdentity::exists(c, id)?)).await?
    {
        let why = format!(
            "{} signs in with {provider} only, and password login is off for those who do: \
             there is no password link to give them. Help them at {provider} instead.",
            user.display_name
        );
        let form = FormState::with_values([("role", Role::Viewer.as_str().to_owned())]);
        let page = page(db, sso, &admin, None, form, Some(why)).await?;
        return Ok(FormResponse::Refused(page));
    }
    let (token, expires) = (
        random_token(),
        Utc::now() + Duration::days(PASSWORD_LINK_DAYS),
    );
    let link_token = token.clone();
    let mailed = db
        .run_as(admin.actor(), move |c| {
            c.transaction(|c| -> Result<_, AppError> {
                PasswordLink::issue(c, id, &link_token, expires)?;
                Ok(Outbox::link(c, MailKind::PasswordLink, id, &link_token)?)
            })
        })
        .await?;
    // With mail on, the link goes only to the user: the page says it was mailed.
    let link = (!mailed).then(|| site.link("/password-link", &token));
    let page = LinkPage::new(Layout::new("users", None, &admin), user, link, false);
    Ok(FormResponse::Shown(render(&page)?))
}
