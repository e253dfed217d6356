//! Integration tests: the real application through Rocket's local client, each test over a
//! PostgreSQL database of its own.

mod common;

mod accounts;
mod audit;
mod audit_words;
mod body_limits;
mod browser;
mod command_line;
mod companies;
mod csv_transfer;
mod dates;
mod demo;
mod entered_as_hired;
mod error_pages;
mod exchange_rates;
mod first_run;
mod generate;
mod import_erasure;
mod import_everyday;
mod import_ownership;
mod import_scale;
mod list_edges;
mod log_capture;
mod login_input;
mod login_throttling;
mod lost_updates;
mod money_across_currencies;
mod name_matching;
mod pages;
mod password_change;
mod pay_reports;
mod people;
mod report_consistency;
mod reports;
mod robustness;
mod route_fuzz;
mod security_log;
mod sessions;
mod spreadsheets;
mod startup;
mod user_admin;
