//! Creating and editing a person.

use diesel::PgConnection;
use rocket::form::{Contextual, Form};
use rocket::response::content::RawHtml;
use rocket::{State, get, post, uri};

use super::super::FormResponse;
use super::super::save::{self, Conflict, Target, Versioned};
use crate::auth::{CurrentUser, Editor};
use crate::db::Db;
use crate::domain::{CompanyId, PersonId, Stage, name_key, rules, zone};
use crate::error::AppError;
use crate::input::{self, PersonInput};
use crate::models::{Candidate, Company, PayReport, Person, SaveOutcome};
use crate::views::people::PersonFormPage;
use crate::views::{FormState, Layout, render};

impl Versioned for Person {
    type Input = PersonInput;
    type Parent = ();
    type Key = PersonId;

    fn find(conn: &mut PgConnection, id: PersonId) -> Result<Person, AppError> {
        Ok(Person::find(conn, id)?)
    }

    fn form_values(&self, conn: &mut PgConnection) -> Result<FormState, AppError> {
        let origin = Company::name_of(conn, self.fields.origin_company_id)?;
        let hiring = Company::name_of(conn, self.fields.hiring_company_id)?;
        let stored = PersonInput::stored(self.fields.clone(), origin, hiring);
        let mut values = input::form_values(&stored)?;
        values.set("version", self.version.to_string());
        Ok(values)
    }

    fn check(
        conn: &mut PgConnection,
        input: &PersonInput,
        state: &mut FormState,
    ) -> Result<(), AppError> {
        company_ids(conn, input, state).map(drop)
    }

    fn write(
        conn: &mut PgConnection,
        target: Target<(), PersonId>,
        version: Option<i32>,
        input: PersonInput,
        state: &mut FormState,
    ) -> Result<Option<SaveOutcome<Person>>, AppError> {
        let [origin, hiring] = company_ids(conn, &input, state)?;
        if state.has_errors() {
            return Ok(None);
        }
        let fields = input.into_fields(origin, hiring);
        if let Target::Existing(id) = target
            && fields.zone.as_deref() == Some(zone::EU)
            && PayReport::has_pay_history(conn, id)?
        {
            state.add_error("zone", rules::PAY_HISTORY_MOVE_REFUSED);
            return Ok(None);
        }
        Ok(Some(match target {
            Target::Existing(id) => Person::update(conn, id, version, &fields)?,
            Target::New(()) => SaveOutcome::Saved(Person::insert(conn, &fields)?),
        }))
    }
}

/// The ids of the companies the input names, with a field error for each that does not exist.
fn company_ids(
    conn: &mut PgConnection,
    input: &PersonInput,
    state: &mut FormState,
) -> Result<[Option<CompanyId>; 2], AppError> {
    let mut ids = [None, None];
    for (id, (field, name)) in ids.iter_mut().zip(input.companies()) {
        let Some(name) = name else { continue };
        match Company::find_by_name(conn, name)? {
            Some(company) => *id = Some(company.id),
            None => state.add_error(
                field,
                format!("There is no company called “{name}”. Add it under Companies first."),
            ),
        }
    }
    Ok(ids)
}

#[get("/people/new")]
pub(super) async fn new(user: Editor, db: &State<Db>) -> Result<RawHtml<String>, AppError> {
    let form = FormState::with_values([("stage", Stage::Sourced.as_str().to_owned())]);
    form_page(db, &user, None, form, Vec::new()).await
}

#[post("/people", data = "<form>")]
pub(super) async fn create(
    user: Editor,
    db: &State<Db>,
    form: Form<Contextual<'_, PersonInput>>,
) -> Result<FormResponse, AppError> {
    submit(db, &user, None, form.into_inner()).await
}

#[get("/people/<id>/edit")]
pub(super) async fn edit(
    user: Editor,
    db: &State<Db>,
    id: PersonId,
) -> Result<RawHtml<String>, AppError> {
    let form = db.run(move |c| Person::find(c, id)?.form_values(c)).await?;
    form_page(db, &user, Some(id), form, Vec::new()).await
}

#[post("/people/<id>/edit", data = "<form>")]
pub(super) async fn update(
    user: Editor,
    db: &State<Db>,
    id: PersonId,
    form: Form<Contextual<'_, PersonInput>>,
) -> Result<FormResponse, AppError> {
    submit(db, &user, Some(id), form.into_inner()).await
}

async fn submit(
    db: &State<Db>,
    user: &CurrentUser,
    id: Option<PersonId>,
    form: Contextual<'_, PersonInput>,
) -> Result<FormResponse, AppError> {
    let check = DuplicateCheck::of(&form, id);
    if let Some(warning) = duplicates_warning(db, user, id, check).await? {
        return Ok(FormResponse::Invalid(warning));
    }
    let submitted = save::submit::<Person>(db, user, save::target(id), form).await?;
    // The form page lists the companies; only a form shown again needs them.
    let names = match &submitted {
        save::Submitted::Saved(_) => Vec::new(),
        _ => db.run(|c| Ok(Company::names_if_few(c)?)).await?,
    };
    submitted.respond(
        |person| {
            let message = format!("Saved {}.", person.fields.full_name);
            FormResponse::saved(uri!(super::list::show(person.id)), message)
        },
        |state, conflict| render(&page(user, id, state, conflict, names)),
    )
}

/// What the duplicate check needs of a form, unless it should not be checked: the user said
/// this is a different person, or the form has errors (those come first, and a company that
/// does not exist matches nobody).
struct DuplicateCheck {
    full_name: String,
    origin: Option<String>,
    state: FormState,
}

impl DuplicateCheck {
    fn of(form: &Contextual<'_, PersonInput>, id: Option<PersonId>) -> Option<Self> {
        let input = form.value.as_ref()?;
        if form.context.field_value(DIFFERENT_PERSON) == Some("yes") {
            return None;
        }
        let origin = input.companies()[0].1;
        // A new person has no pay sources yet: without an origin company nobody can match.
        if id.is_none() && origin.is_none() {
            return None;
        }
        Some(DuplicateCheck {
            full_name: input.full_name.as_str().to_owned(),
            origin: origin.map(str::to_owned),
            state: FormState::from_context(&form.context),
        })
    }
}

/// The form again, listing who the person may duplicate, when anybody matches.
async fn duplicates_warning(
    db: &State<Db>,
    user: &CurrentUser,
    id: Option<PersonId>,
    check: Option<DuplicateCheck>,
) -> Result<Option<RawHtml<String>>, AppError> {
    let Some(DuplicateCheck {
        full_name,
        origin,
        mut state,
    }) = check
    else {
        return Ok(None);
    };
    let (duplicates, names) = db
        .run(move |c| {
            let origin_company_id = match origin {
                Some(name) => Company::find_by_name(c, &name)?.map(|company| company.id),
                None => None,
            };
            // An edit that keeps the name and the company asks nothing: the pair was there
            // before (and was let through once), and a stage change should not ask again.
            if let Some(id) = id {
                let stored = Person::find(c, id)?.fields;
                if name_key(&stored.full_name) == name_key(&full_name)
                    && stored.origin_company_id == origin_company_id
                {
                    return Ok((Vec::new(), Vec::new()));
                }
            }
            let candidate = Candidate {
                id,
                full_name: &full_name,
                origin_company_id,
            };
            let duplicates = Person::likely_duplicates(c, &candidate)?;
            let names = if duplicates.is_empty() {
                Vec::new()
            } else {
                Company::names_if_few(c)?
            };
            Ok((duplicates, names))
        })
        .await?;
    if duplicates.is_empty() {
        return Ok(None);
    }
    state.add_error(
        DIFFERENT_PERSON,
        "This may be someone already in the tracker (listed above). Open them to check, or tick \
         the box if this is a different person.",
    );
    let page = PersonFormPage {
        duplicates,
        ..page(user, id, state, Vec::new(), names)
    };
    Ok(Some(render(&page)?))
}

/// The checkbox with which a user saves a person despite the likely duplicates listed.
const DIFFERENT_PERSON: &str = "different_person";

async fn form_page(
    db: &State<Db>,
    user: &CurrentUser,
    id: Option<PersonId>,
    form: FormState,
    conflict: Conflict,
) -> Result<RawHtml<String>, AppError> {
    let names = db.run(|c| Ok(Company::names_if_few(c)?)).await?;
    render(&page(user, id, form, conflict, names))
}

fn page(
    user: &CurrentUser,
    id: Option<PersonId>,
    form: FormState,
    conflict: Conflict,
    names: Vec<String>,
) -> PersonFormPage {
    PersonFormPage {
        conflict,
        ..PersonFormPage::new(Layout::new("people", None, user), id, form, names)
    }
}
