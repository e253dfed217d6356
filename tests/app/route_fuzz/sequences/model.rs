//! What a sequence knows of its database: whose personal data each marker is, the markers no
//! row may hold any more, the writes that must each be stored once, and the previews shown.

use std::collections::BTreeMap;

use diesel::prelude::*;
use diesel::sql_types::BigInt;
use talent_tracker::domain::Role;

use crate::common::TestApp;

/// A marker sent in a personal field: whose it is (`None` while no stored record holds it, or
/// once two records came to share it) and which field it was sent in.
#[derive(Debug, Clone, Copy)]
pub struct Marker {
    pub owner: Option<i64>,
    pub field: &'static str,
}

/// A row of a previewed file, as sent.
#[derive(Debug, Clone)]
pub struct SentRow {
    pub target: Target,
    /// The name as the file wrote it.
    pub name: String,
    /// The marker in each personal field but the name: (field, marker).
    pub fresh: Vec<(&'static str, String)>,
}

impl SentRow {
    pub fn title(&self) -> &str {
        self.fresh
            .iter()
            .find(|(field, _)| *field == "title")
            .map_or("", |(_, marker)| marker.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    New,
    Id(i64),
    Name(i64),
}

impl Target {
    /// The stored person a row names.
    pub fn person(self) -> Option<i64> {
        match self {
            Target::Id(id) | Target::Name(id) => Some(id),
            Target::New => None,
        }
    }
}

/// A preview the app showed with its confirm form.
#[derive(Debug, Clone)]
pub struct Preview {
    pub batch: i64,
    pub confirm: String,
    pub rows: Vec<SentRow>,
}

pub struct Model {
    /// Every marker sent, by its letters.
    pub markers: BTreeMap<String, Marker>,
    /// Markers of erased people, each with whose it was: no row may hold one.
    pub forbidden: BTreeMap<String, String>,
    /// (table, column, marker) of acknowledged writes (titles, pay report sources): at most one
    /// row may hold each.
    pub once: Vec<(&'static str, &'static str, String)>,
    pub previews: Vec<Preview>,
    /// Users besides the admin who drives the sequence: (id, e-mail).
    pub users: Vec<(i64, String)>,
    /// The people steps acted on, the latest last.
    touched: Vec<i64>,
    counter: u64,
}

impl Model {
    pub fn new(app: &TestApp) -> anyhow::Result<Model> {
        let mut users = Vec::new();
        for (email, role) in [
            ("second@example.com", Role::Recruiter),
            ("third@example.com", Role::Viewer),
        ] {
            users.push((app.add_user(email, role)?.id, email.to_owned()));
        }
        Ok(Model {
            markers: BTreeMap::new(),
            forbidden: BTreeMap::new(),
            once: Vec::new(),
            previews: Vec::new(),
            users,
            touched: Vec::new(),
            counter: 0,
        })
    }

    /// A new marker for `field`: ten letters no other marker has, the same in every replay of
    /// a sequence, and shared with no word the app writes itself.
    pub fn marker(&mut self, owner: Option<i64>, field: &'static str) -> String {
        loop {
            self.counter += 1;
            let mut bits = mix(self.counter);
            let marker: String = (0..10)
                .map(|_| {
                    let letter = char::from(b'a' + (bits % 26) as u8);
                    bits /= 26;
                    letter
                })
                .collect();
            if !self.markers.contains_key(&marker) {
                self.markers.insert(marker.clone(), Marker { owner, field });
                return marker;
            }
        }
    }

    /// Notes that a step acted on `id`.
    pub fn touch(&mut self, id: i64) {
        self.touched.retain(|t| *t != id);
        self.touched.push(id);
    }

    /// `stored` people, those steps acted on last at the end.
    pub fn by_touch(&self, mut stored: Vec<i64>) -> Vec<i64> {
        stored.sort_by_key(|id| (self.touched.iter().position(|t| t == id), *id));
        stored
    }

    /// Makes `owner` the person whose data `value` is, when `value` is a marker.
    pub fn own(&mut self, value: &str, owner: Option<i64>) {
        if let Some(marker) = self.markers.get_mut(&value.to_lowercase()) {
            marker.owner = owner;
        }
    }

    /// Everything `id` and the people merged into it (and not back out) were ever called or
    /// described as, after its erasure: no row may hold any of it from now on.
    pub fn erased(&mut self, db: &mut PgConnection, id: i64, step: usize) -> anyhow::Result<()> {
        let absorbed = absorbed(db, id)?;
        for (marker, known) in &self.markers {
            let Some(owner) = known.owner.filter(|o| absorbed.contains(o)) else {
                continue;
            };
            let whose = match owner == id {
                true => format!("the {} of person {id}, erased in step {step}", known.field),
                false => format!(
                    "the {} of person {owner}, merged into person {id}, erased in step {step}",
                    known.field
                ),
            };
            self.forbidden.entry(marker.clone()).or_insert(whose);
        }
        Ok(())
    }

    /// The markers `id` owned: no one's alone any more (a record made anew under the id of
    /// one merged away holds its data beside the survivor's copies).
    pub fn disown(&mut self, id: i64) {
        for marker in self.markers.values_mut() {
            if marker.owner == Some(id) {
                marker.owner = None;
            }
        }
    }
}

/// `id` and the people merged into it whose merge was not undone, transitively; a merged-away
/// id that holds a record again is someone else by now.
fn absorbed(db: &mut PgConnection, id: i64) -> anyhow::Result<Vec<i64>> {
    #[derive(QueryableByName)]
    struct Absorbed {
        #[diesel(sql_type = BigInt)]
        id: i64,
    }
    let rows: Vec<Absorbed> = diesel::sql_query(
        "WITH RECURSIVE absorbed(id) AS (
             SELECT $1::bigint
             UNION
             SELECT m.removed_id FROM person_merge m JOIN absorbed a ON m.survivor_id = a.id
             WHERE m.undone_at IS NULL
         )
         SELECT id FROM absorbed
         WHERE id = $1 OR NOT EXISTS (SELECT 1 FROM person p WHERE p.id = absorbed.id)",
    )
    .bind::<BigInt, _>(id)
    .load(db)?;
    Ok(rows.into_iter().map(|row| row.id).collect())
}

/// splitmix64: well-spread bits from a counter.
fn mix(counter: u64) -> u64 {
    let mut z = counter.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A marker written as a name: capitalised, as people write names.
pub fn as_name(marker: &str) -> String {
    let mut letters = marker.chars();
    letters.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(letters).collect()
    })
}
