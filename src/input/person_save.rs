//! Saving a person: the companies named looked up once, the likely duplicates searched once,
//! the EU pay-history rule for a move, and the "different person" answer kept as dismissals.

use diesel::{Connection, PgConnection, QueryResult};

use super::versioned::{Target, Versioned, Written};
use super::{FieldErrors, PersonInput, TypedFields};
use crate::domain::{CompanyId, PersonId, name_key, rules, zone};
use crate::models::outbox::Outbox;
use crate::models::{
    Candidate, Company, DuplicateDismissal, LikelyDuplicate, PayReport, Person, PersonFields,
    SaveOutcome,
};

/// The checkbox with which a user saves a person despite the likely duplicates listed.
pub const DIFFERENT_PERSON: &str = "different_person";

const DUPLICATES_LISTED: &str = "This may be someone already in the tracker (listed above). \
    Open them to check, or tick the box if this is a different person.";

impl Versioned for Person {
    type Input = PersonInput;
    type Parent = ();
    type Key = PersonId;
    type Checked = PersonFields;
    type Listed = Vec<LikelyDuplicate>;

    fn find(conn: &mut PgConnection, id: PersonId) -> QueryResult<Person> {
        Person::find(conn, id)
    }

    fn stored(&self, conn: &mut PgConnection) -> QueryResult<PersonInput> {
        let origin = Company::name_of(conn, self.fields.origin_company_id)?;
        let hiring = Company::name_of(conn, self.fields.hiring_company_id)?;
        Ok(PersonInput::stored(self.fields.clone(), origin, hiring))
    }

    fn version(&self) -> i32 {
        self.version
    }

    fn check(
        conn: &mut PgConnection,
        input: PersonInput,
        errors: &mut FieldErrors,
    ) -> QueryResult<PersonFields> {
        let [origin, hiring] = company_ids(conn, &input, errors)?;
        Ok(input.into_fields(origin, hiring))
    }

    fn write(
        conn: &mut PgConnection,
        target: Target<(), PersonId>,
        version: Option<i32>,
        fields: PersonFields,
        typed: &dyn TypedFields,
        errors: &mut FieldErrors,
    ) -> QueryResult<Written<Person>> {
        let id = match target {
            Target::Existing(id) => Some(id),
            Target::New(()) => None,
        };
        let duplicates = duplicates_of(conn, (id, version), &fields)?;
        if !duplicates.is_empty() && typed.value(DIFFERENT_PERSON) != "yes" {
            errors.add(DIFFERENT_PERSON, DUPLICATES_LISTED);
            return Ok(Written::Refused(duplicates));
        }
        if let Some(id) = id
            && zone::is_eu(fields.zone.as_deref())
            && PayReport::has_pay_history(conn, id)?
        {
            errors.add("zone", rules::said(rules::PAY_HISTORY_MOVE_REFUSED));
            return Ok(Written::Refused(Vec::new()));
        }
        let listed: Vec<PersonId> = duplicates.iter().map(|d| d.id).collect();
        // "A different person" answers for those listed: kept apart in the save's own
        // transaction, so neither this form nor the duplicates list asks about them again.
        conn.transaction(|conn| {
            let outcome = match id {
                Some(id) => Person::update(conn, id, version, &fields)?,
                None => SaveOutcome::Saved(Person::insert(conn, &fields)?),
            };
            if let SaveOutcome::Saved(person) = &outcome {
                DuplicateDismissal::record(conn, person.id, &listed)?;
                // A new family, level or zone can put their offers outside a band: the
                // approvers hear of it once this commits.
                Outbox::offers_pending_of(conn, &[person.id])?;
            }
            Ok(Written::Done(outcome))
        })
    }
}

/// The ids of the companies the input names, with a field error for each that does not exist.
fn company_ids(
    conn: &mut PgConnection,
    input: &PersonInput,
    errors: &mut FieldErrors,
) -> QueryResult<[Option<CompanyId>; 2]> {
    let mut ids = [None, None];
    for (id, (field, name)) in ids.iter_mut().zip(input.companies()) {
        let Some(name) = name else { continue };
        match Company::find_by_name(conn, name)? {
            Some(company) => *id = Some(company.id),
            None => errors.add(
                field,
                crate::i18n::Msg::new("person-no-such-company")
                    .arg("name", name)
                    .for_input(),
            ),
        }
    }
    Ok(ids)
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
    fields: &PersonFields,
) -> QueryResult<Vec<LikelyDuplicate>> {
    let (full_name, origin_company_id) = (fields.full_name.as_str(), fields.origin_company_id);
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
    Person::likely_duplicates(conn, &candidate)
}
