//! Creating and editing a person.

use diesel::{Connection, PgConnection};
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
use crate::models::{
    Candidate, Company, DuplicateDismissal, LikelyDuplicate, PayReport, Person, SaveOutcome,
};
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
        let id = match target {
            Target::Existing(id) => Some(id),
            Target::New(()) => None,
        };
        let listed: Vec<PersonId> =
            duplicates_of(conn, (id, version), input.full_name.as_str(), origin)?
                .iter()
                .map(|d| d.id)
                .collect();
        if !listed.is_empty() && state.value(DIFFERENT_PERSON) != "yes" {
            state.add_error(DIFFERENT_PERSON, DUPLICATES_LISTED);
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
        // "A different person" answers for those listed: kept apart in the save's own
        // transaction, so neither this form nor the duplicates list asks about them again.
        conn.transaction(|conn| {
            let outcome = match target {
                Target::Existing(id) => Person::update(conn, id, version, &fields)?,
                Target::New(()) => SaveOutcome::Saved(Person::insert(conn, &fields)?),
            };
            if let SaveOutcome::Saved(person) = &outcome {
                DuplicateDismissal::record(conn, person.id, &listed)?;
            }
            Ok(Some(outcome))
        })
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
    let typed = form.value.as_ref().map(|input| {
        let origin = input.companies()[0].1.map(str::to_owned);
        (input.full_name.as_str().to_owned(), origin)
    });
    let submitted = save::submit::<Person>(db, user, save::target(id), form).await?;
    // The form page lists the companies, and the likely duplicates when the save stopped to
    // ask about them; only a form shown again needs either.
    let asked =
        matches!(&submitted, save::Submitted::Invalid(state) if state.has_error(DIFFERENT_PERSON));
    let (names, duplicates) = match &submitted {
        save::Submitted::Saved(_) => (Vec::new(), Vec::new()),
        _ => {
            db.run(move |c| {
                let duplicates = match typed.filter(|_| asked) {
                    Some((full_name, origin)) => {
                        let origin = match origin {
                            Some(name) => Company::find_by_name(c, &name)?.map(|co| co.id),
                            None => None,
                        };
                        duplicates_of(c, (id, None), &full_name, origin)?
                    }
                    None => Vec::new(),
                };
                Ok((Company::names_if_few(c)?, duplicates))
            })
            .await?
        }
    };
    submitted.respond(
        |person| {
            let message = format!("Saved {}.", person.fields.full_name);
            FormResponse::saved(uri!(super::list::show(person.id)), message)
        },
        |state, conflict| {
            let page = PersonFormPage {
                duplicates,
                ..page(user, id, state, conflict, names)
            };
            render(&page)
        },
    )
}

/// Who a person being saved may duplicate (`Person::likely_duplicates`), unless nobody can:
/// a new person without an origin company has no pay sources yet either, and an edit that
/// keeps the name and the company asks nothing (the pair was there before, and was let
/// through once; a stage change should not ask again). An edit made over an older version
/// than the stored one asks nothing either: its save answers with the conflict first, and the
/// question comes, if at all, when the user saves again over what is stored now.
fn duplicates_of(
    conn: &mut PgConnection,
    (id, version): (Option<PersonId>, Option<i32>),
    full_name: &str,
    origin_company_id: Option<CompanyId>,
) -> Result<Vec<LikelyDuplicate>, AppError> {
    match id {
        None if origin_company_id.is_none() => return Ok(Vec::new()),
        None => {}
        Some(id) => {
            let stored = Person::find(conn, id)?;
            if version.is_some_and(|read_at| read_at != stored.version) {
                return Ok(Vec::new());
            }
            let stored = stored.fields;
            if name_key(&stored.full_name) == name_key(full_name)
                && stored.origin_company_id == origin_company_id
            {
                return Ok(Vec::new());
            }
        }
    }
    // Only a new person or a changed name or company gets here: there are no dismissals, or
    // this save ends them.
    let candidate = Candidate {
        id,
        full_name,
        origin_company_id,
        dismissals_hold: false,
    };
    Ok(Person::likely_duplicates(conn, &candidate)?)
}

const DUPLICATES_LISTED: &str = "This may be someone already in the tracker (listed above). \
    Open them to check, or tick the box if this is a different person.";

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
