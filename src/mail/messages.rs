//! The mails themselves, put together when they are sent from what the database holds then:
//! plain text and HTML from templates/mail/, pay figures only for a recipient whose role sees
//! pay, links to the site.
//!
//! The language is the recipient's when the mail is sent, not when it was queued, for the same
//! reason the figures are: a mail that waited (the server was down, the relay refused) should
//! read as its recipient reads the app now, and a queued row then holds no words at all.

use askama::Template;
use diesel::PgConnection;
use diesel::prelude::*;

use crate::domain::PayReportId;
use crate::i18n::{LanguageSettings, Locale};
use crate::models::User;
use crate::models::offer::Offers;
use crate::models::outbox::{Claimed, MailKind};
use crate::models::pay_decision::{PayDecision, kept_from_deciding};
use crate::offers::{OfferReview, review};
use crate::schema::report_setting;

/// A mail ready for the transport.
pub struct Mail {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// What a claimed row comes to.
pub enum Composed {
    Mail(Mail),
    /// Nothing to send any more, and why (the user deactivated, the offer deleted).
    Dropped(String),
}

/// The figures of an offer, for those who see pay.
struct OfferPay {
    offer: String,
    base: String,
    band: String,
    compa: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "mail/offer_pending.txt")]
struct OfferPendingText<'a> {
    v: &'a OfferMail,
}

#[derive(Template)]
#[template(path = "mail/offer_pending.html")]
struct OfferPendingHtml<'a> {
    v: &'a OfferMail,
}

#[derive(Template)]
#[template(path = "mail/offer_decided.txt")]
struct OfferDecidedText<'a> {
    v: &'a OfferMail,
}

#[derive(Template)]
#[template(path = "mail/offer_decided.html")]
struct OfferDecidedHtml<'a> {
    v: &'a OfferMail,
}

#[derive(Template)]
#[template(path = "mail/password_link.txt")]
struct LinkText<'a> {
    v: &'a LinkMail,
}

#[derive(Template)]
#[template(path = "mail/password_link.html")]
struct LinkHtml<'a> {
    v: &'a LinkMail,
}

/// What an offer's mails say; the templates read it through `v`.
struct OfferMail {
    name: String,
    person: String,
    company: Option<String>,
    maker: String,
    decider: String,
    pay: Option<OfferPay>,
    link: String,
    account: String,
    /// `approved` or `rejected`: the catalogue chooses the words (and where they go).
    decision: String,
    locale: Locale,
}

struct LinkMail {
    locale: Locale,
    name: String,
    site: String,
    link: String,
    created: bool,
    days: i64,
}

fn rendered(page: &impl Template) -> anyhow::Result<String> {
    page.render()
        .map_err(|e| anyhow::anyhow!("rendering a mail failed: {e}"))
}

/// Puts the mail of `row` together for its recipient, as things stand now.
pub fn compose(
    conn: &mut PgConnection,
    site: &str,
    languages: &LanguageSettings,
    row: &Claimed,
) -> anyhow::Result<Composed> {
    let Some(kind) = MailKind::parse(&row.kind) else {
        return Ok(Composed::Dropped(format!("unknown kind {}", row.kind)));
    };
    let recipient = match row.recipient_user_id {
        Some(id) => User::find(conn, id)?,
        None => None,
    };
    let Some(recipient) = recipient.filter(|u| u.active) else {
        return Ok(Composed::Dropped(
            "the recipient's account is deactivated or gone".into(),
        ));
    };
    // A mail has no browser to ask: the recipient's setting, else the installation's default.
    let locale = languages.locale(recipient.language.as_deref(), None);
    let number = |key: &str| row.payload.get(key).and_then(serde_json::Value::as_i64);
    match kind {
        MailKind::NewUser | MailKind::PasswordLink => {
            let Some(token) = row.payload.get("token").and_then(|t| t.as_str()) else {
                return Ok(Composed::Dropped("the link was already sent".into()));
            };
            let view = LinkMail {
                locale,
                name: recipient.display_name.clone(),
                site: site.to_owned(),
                link: format!("{site}/password-link?token={token}"),
                created: kind == MailKind::NewUser,
                days: crate::models::PASSWORD_LINK_DAYS,
            };
            let subject = if view.created {
                locale.t("mail-link-subject-created")
            } else {
                locale.t("mail-link-subject-reset")
            };
            Ok(Composed::Mail(Mail {
                subject,
                text: rendered(&LinkText { v: &view })?,
                html: rendered(&LinkHtml { v: &view })?,
            }))
        }
        MailKind::OfferPending | MailKind::OfferDecided => {
            let Some(id) = number("pay_report_id").map(PayReportId) else {
                return Ok(Composed::Dropped("no offer named".into()));
            };
            let reporting: String = report_setting::table
                .select(report_setting::reporting_currency)
                .first(conn)?;
            let Some(offer) = review(conn, &reporting, &Offers::Ids(vec![id]))?.pop() else {
                return Ok(Composed::Dropped("the offer was deleted".into()));
            };
            let sees_pay = recipient.role.sees_pay();
            let mut view = OfferMail {
                name: recipient.display_name.clone(),
                person: offer.offer.full_name.clone(),
                company: offer.offer.hiring_company.clone(),
                maker: String::new(),
                decider: String::new(),
                pay: sees_pay.then(|| figures(&offer, locale)),
                link: if sees_pay {
                    format!("{site}/pay-reports/{id}/approval")
                } else {
                    format!("{site}/people/{}", offer.offer.person_id)
                },
                account: format!("{site}/account"),
                decision: String::new(),
                locale,
            };
            if kind == MailKind::OfferPending {
                let makers = kept_from_deciding(conn, id)?;
                view.maker = name_of(conn, makers.last().map(String::as_str), locale)?;
                return Ok(Composed::Mail(Mail {
                    subject: locale.t1("mail-pending-subject", "person", &view.person),
                    text: rendered(&OfferPendingText { v: &view })?,
                    html: rendered(&OfferPendingHtml { v: &view })?,
                }));
            }
            let decision = number("decision_id");
            let decisions = PayDecision::of_offers(conn, &[id])?;
            let Some((decision, by)) = decisions.into_iter().find(|(d, _)| Some(d.id) == decision)
            else {
                return Ok(Composed::Dropped("the decision is gone".into()));
            };
            view.decider = name_of(conn, Some(&by), locale)?;
            view.decision = decision.decision.as_str().to_owned();
            if let Some(pay) = view.pay.as_mut() {
                pay.reason = decision.reason.clone();
            }
            Ok(Composed::Mail(Mail {
                subject: locale.t2(
                    "mail-decided-subject",
                    &("person", &view.person),
                    &("decision", &view.decision),
                ),
                text: rendered(&OfferDecidedText { v: &view })?,
                html: rendered(&OfferDecidedHtml { v: &view })?,
            }))
        }
    }
}

/// A user's name from their e-mail, as the audit names them.
fn name_of(conn: &mut PgConnection, email: Option<&str>, locale: Locale) -> anyhow::Result<String> {
    let Some(email) = email else {
        return Ok(locale.t("mail-someone"));
    };
    Ok(User::find_by_email(conn, email)?
        .map(|u| u.display_name)
        .unwrap_or_else(|| email.to_owned()))
}

/// An amount range in a currency, as the language writes one.
fn range(
    locale: Locale,
    currency: &str,
    low: &bigdecimal::BigDecimal,
    high: &bigdecimal::BigDecimal,
) -> String {
    let symbol = crate::domain::money::currency_symbol(currency).unwrap_or(currency);
    locale.say(
        &crate::i18n::Msg::new("mail-amount-range")
            .arg("currency", currency)
            .arg("symbol", symbol)
            .arg("low", locale.amount(low))
            .arg("high", locale.amount(high)),
    )
}

fn figures(offer: &OfferReview, locale: Locale) -> OfferPay {
    let facts = &offer.offer;
    let amount = if facts.amount_low == facts.amount_high {
        locale.money(&facts.amount_low, &facts.currency)
    } else {
        range(
            locale,
            &facts.currency,
            &facts.amount_low,
            &facts.amount_high,
        )
    };
    let base = facts.base.as_ref().map_or_else(
        || locale.t("mail-no-base"),
        |b| locale.money(b, &facts.currency),
    );
    let (band, compa) = match &offer.check {
        Ok(checked) => {
            let b = &checked.band.fields;
            let band = format!(
                "{} {}{} ({})",
                b.job_family,
                b.level,
                if b.zone.is_empty() {
                    String::new()
                } else {
                    format!(", {}", b.zone)
                },
                range(locale, &b.currency, &b.base_min, &b.base_max)
            );
            let compa = checked.base.as_ref().map_or_else(
                |_| locale.t("mail-compa-none"),
                |p| locale.number(&p.compa_ratio),
            );
            (band, compa)
        }
        Err(_) => (locale.t("mail-band-none"), locale.t("mail-compa-none")),
    };
    OfferPay {
        offer: amount,
        base,
        band,
        compa,
        reason: String::new(),
    }
}
