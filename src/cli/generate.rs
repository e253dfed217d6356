//! `talent-tracker generate` on a terminal: one progress bar per phase.

use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use diesel::PgConnection;
use indicatif::{ProgressBar, ProgressStyle};

use crate::generate::{self, GenerateError, Options, Progress};

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many people; each has one to five pay reports (three on average).
    #[arg(long)]
    people: u64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The server's reporting currency: exchange rates are written into it.
    #[command(flatten)]
    pub(super) currency: super::ReportingCurrencyArg,
}

struct Bars {
    current: std::cell::RefCell<Option<ProgressBar>>,
}

impl Progress for Bars {
    fn phase(&self, name: &'static str, length: u64) {
        if let Some(done) = self.current.borrow_mut().take() {
            done.finish();
        }
        let bar = ProgressBar::new(length).with_message(name).with_style(
            ProgressStyle::with_template("{msg:>18} {bar:40} {human_pos}/{human_len} {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        *self.current.borrow_mut() = Some(bar);
    }

    fn advance(&self, by: u64) {
        if let Some(bar) = &*self.current.borrow() {
            bar.inc(by);
        }
    }
}

pub fn run(conn: &mut PgConnection, args: GenerateArgs) -> anyhow::Result<ExitCode> {
    let options = &Options {
        people: args.people,
        seed: args.seed,
        reporting_currency: args.currency.reporting_currency,
    };
    let started = Instant::now();
    let bars = Bars {
        current: std::cell::RefCell::new(None),
    };
    let outcome = generate::generate(conn, options, &bars);
    if let Some(bar) = bars.current.borrow_mut().take() {
        bar.finish();
    }
    match outcome {
        Ok(w) => {
            println!(
                "Generated {} companies, {} people, {} stage changes, {} pay reports and {} \
                 exchange rates (seed {}) in {:.1} s.",
                w.companies,
                w.people,
                w.stage_changes,
                w.pay_reports,
                w.exchange_rates,
                options.seed,
                started.elapsed().as_secs_f64()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e @ (GenerateError::NotEmpty(_) | GenerateError::UnknownCurrency(..))) => {
            eprintln!("talent-tracker generate: {e}");
            Ok(ExitCode::FAILURE)
        }
        Err(GenerateError::Database(e)) => Err(e.into()),
    }
}
