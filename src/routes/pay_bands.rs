//! Pay bands: list with history, show, create, edit, delete with confirmation, CSV.

use crate::i18n::input::LocalForm;
use rocket::form::Contextual;
use rocket::request::FlashMessage;
use rocket::response::content::RawHtml;
use rocket::{FromForm, Route, State, get, post, routes, uri};

use super::csv_file::CsvStream;
use super::save::{self, Conflict, FormPages};
use super::{FormResponse, given, query_string};
use crate::auth::{BandManager, CurrentUser, PayReader};
use crate::config::ReportingCurrency;
use crate::csv_format::Dialect;
use crate::db::{Db, ReadDb};
use crate::domain::PayBandId;
use crate::error::{AppError, is_foreign_key_violation};
use crate::export;
use crate::i18n::{Lang, Msg};
use crate::input::PayBandInput;
use crate::models::market::Market;
use crate::models::{PayBand, PayBandFilter};
use crate::views::market::MarketView;
use crate::views::pay_bands::*;
use crate::views::{FormState, Layout, render};

pub fn routes() -> Vec<Route> {
    routes![
        index,
        download,
        show,
        new,
        create,
        edit,
        update,
        confirm_delete,
        delete
    ]
}

impl FormPages for PayBand {
    fn saved(self) -> FormResponse {
        saved_in(self, Lang::En)
    }

    fn form_page(
        user: &CurrentUser,
        id: Option<PayBandId>,
        form: FormState,
        conflict: Conflict,
    ) -> Result<RawHtml<String>, AppError> {
        let layout = Layout::new("pay-bands", None, user);
        render(&PayBandFormPage {
            conflict,
            ..PayBandFormPage::new(layout, id, form)
        })
    }
}

/// Where a saved band is shown next, said in the saver's language.
fn saved_in(band: PayBand, lang: Lang) -> FormResponse {
    let name = BandRow::name_in(&band.fields, lang);
    FormResponse::saved(
        uri!(show(band.id)),
        Msg::new("band-saved").arg("name", name).text(lang),
    )
}

/// `save::submit_form` with the flash in the saver's language.
async fn submit_band(
    db: &Db,
    user: &CurrentUser,
    id: Option<PayBandId>,
    form: Contextual<'_, PayBandInput>,
) -> Result<FormResponse, AppError> {
    let lang = user.locale.lang;
    save::submit::<PayBand>(db, user, save::target(id), form)
        .await?
        .respond(
            |band| saved_in(band, lang),
            |state, conflict, _| PayBand::form_page(user, id, state, conflict),
        )
}

/// The list's filters as typed.
#[derive(Debug, Default, FromForm)]
pub struct BandParams {
    job_family: Option<String>,
    level: Option<String>,
    zone: Option<String>,
}

impl BandParams {
    fn filter(&self) -> PayBandFilter {
        PayBandFilter {
            job_family: given(&self.job_family),
            level: given(&self.level),
            // "*" asks for the bands of every zone, whose zone is empty.
            zone: given(&self.zone).map(|z| if z == "*" { String::new() } else { z }),
        }
    }

    fn shown(&self) -> [(&'static str, String); 3] {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        [
            ("job_family", text(&self.job_family)),
            ("level", text(&self.level)),
            ("zone", text(&self.zone)),
        ]
    }
}

#[get("/pay-bands?<params..>")]
async fn index(
    user: PayReader,
    db: &State<Db>,
    flash: Option<FlashMessage<'_>>,
    params: BandParams,
) -> Result<RawHtml<String>, AppError> {
    let filter = params.filter();
    let bands = db.run(move |c| Ok(PayBand::list(c, &filter)?)).await?;
    let shown = params.shown();
    render(&PayBandIndexPage {
        layout: Layout::new("pay-bands", flash, &user),
        query: query_string(shown.iter().map(|(k, v)| (*k, v.as_str()))),
        filters: FormState::with_values(shown),
        rows: BandRow::in_force_today(bands, user.locale.lang),
    })
}

#[get("/pay-bands.csv?<params..>")]
async fn download(
    _user: PayReader,
    reads: ReadDb,
    params: BandParams,
    dialect: Dialect,
) -> Result<CsvStream, AppError> {
    let filter = params.filter();
    CsvStream::start(&reads.0, "pay-bands", dialect, move |c, out| {
        Ok(export::pay_bands(c, &filter, dialect, out)?)
    })
    .await
}

#[get("/pay-bands/<id>")]
async fn show(
    user: PayReader,
    db: &State<Db>,
    reporting: &State<ReportingCurrency>,
    flash: Option<FlashMessage<'_>>,
    id: PayBandId,
) -> Result<RawHtml<String>, AppError> {
    let reporting = reporting.0.clone();
    let lang = user.locale.lang;
    let (band, history, market) = db
        .run(move |c| {
            let band = PayBand::find(c, id)?;
            let history = PayBand::history(c, &band.fields)?;
            let (family, level) = (&band.fields.job_family, &band.fields.level);
            let market = Market::of(c, family, level, None)?;
            let market = MarketView::new(&market, family, level, &reporting, false, lang);
            Ok((band, history, market))
        })
        .await?;
    render(&PayBandShowPage {
        layout: Layout::new("pay-bands", flash, &user),
        band: BandRow::new(band, None, lang),
        history: BandRow::in_force_today(history, lang),
        market,
    })
}

#[get("/pay-bands/new")]
fn new(user: BandManager) -> Result<RawHtml<String>, AppError> {
    let form = FormState::with_values([
        ("currency", "USD".to_owned()),
        ("effective_on", chrono::Utc::now().date_naive().to_string()),
    ]);
    PayBand::form_page(&user, None, form, Vec::new())
}

#[post("/pay-bands", data = "<form>")]
async fn create(
    user: BandManager,
    db: &State<Db>,
    form: LocalForm<Contextual<'_, PayBandInput>>,
) -> Result<FormResponse, AppError> {
    submit_band(db, &user, None, form.into_inner()).await
}

#[get("/pay-bands/<id>/edit")]
async fn edit(
    user: BandManager,
    db: &State<Db>,
    id: PayBandId,
) -> Result<RawHtml<String>, AppError> {
    save::edit_page::<PayBand>(db, &user, id).await
}

#[post("/pay-bands/<id>/edit", data = "<form>")]
async fn update(
    user: BandManager,
    db: &State<Db>,
    id: PayBandId,
    form: LocalForm<Contextual<'_, PayBandInput>>,
) -> Result<FormResponse, AppError> {
    submit_band(db, &user, Some(id), form.into_inner()).await
}

#[get("/pay-bands/<id>/delete")]
async fn confirm_delete(
    user: BandManager,
    db: &State<Db>,
    id: PayBandId,
) -> Result<RawHtml<String>, AppError> {
    let (band, offers) = db
        .run(move |c| Ok((PayBand::find(c, id)?, PayBand::offers_count(c, id)?)))
        .await?;
    render(&PayBandDeletePage {
        layout: Layout::new("pay-bands", None, &user),
        band: BandRow::new(band, None, user.locale.lang),
        offers,
    })
}

#[post("/pay-bands/<id>/delete")]
async fn delete(
    user: BandManager,
    db: &State<Db>,
    id: PayBandId,
) -> Result<FormResponse, AppError> {
    let outcome = db
        .run_as(user.actor(), move |c| {
            let band = PayBand::find(c, id)?;
            let offers = PayBand::offers_count(c, id)?;
            if offers > 0 {
                return Ok(Err((band, offers)));
            }
            // Decisions keep the band they were made against: their key refuses the delete.
            match PayBand::delete(c, id) {
                Ok(_) => Ok(Ok(band)),
                Err(e) if is_foreign_key_violation(&e) => Ok(Err((band, 1))),
                Err(e) => Err(e.into()),
            }
        })
        .await?;
    match outcome {
        Ok(band) => Ok(FormResponse::saved(
            "/pay-bands",
            user.locale.t1(
                "band-deleted",
                "name",
                BandRow::name_in(&band.fields, user.locale.lang),
            ),
        )),
        Err((band, offers)) => Ok(FormResponse::Refused(render(&PayBandDeletePage {
            layout: Layout::new("pay-bands", None, &user),
            band: BandRow::new(band, None, user.locale.lang),
            offers,
        })?)),
    }
}
