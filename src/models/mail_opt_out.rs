//! The mails each user turned off on /account.

use diesel::prelude::*;

use super::mail_kind::MailKind;
use crate::schema::mail_opt_out;

pub struct MailOptOut;

impl MailOptOut {
    /// The kinds `user` turned off.
    pub fn of(conn: &mut PgConnection, user: i64) -> QueryResult<Vec<MailKind>> {
        let kinds: Vec<String> = mail_opt_out::table
            .filter(mail_opt_out::user_id.eq(user))
            .select(mail_opt_out::kind)
            .load(conn)?;
        Ok(kinds.iter().filter_map(|k| MailKind::parse(k)).collect())
    }

    /// Keeps exactly `off` turned off for `user` (only kinds a user may turn off).
    pub fn set(conn: &mut PgConnection, user: i64, off: &[MailKind]) -> QueryResult<()> {
        conn.transaction(|conn| {
            diesel::delete(mail_opt_out::table.filter(mail_opt_out::user_id.eq(user)))
                .execute(conn)?;
            let rows: Vec<_> = off
                .iter()
                .filter(|k| k.optional())
                .map(|k| {
                    (
                        mail_opt_out::user_id.eq(user),
                        mail_opt_out::kind.eq(k.as_str()),
                    )
                })
                .collect();
            diesel::insert_into(mail_opt_out::table)
                .values(rows)
                .execute(conn)
                .map(drop)
        })
    }
}
