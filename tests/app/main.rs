//! Integration tests: the real application through Rocket's local client, each test over a
//! PostgreSQL database of its own.

mod common;

mod accounts;
mod audit;
mod body_limits;
mod browser;
mod command_line;
mod companies;
mod csv_transfer;
mod demo;
mod exchange_rates;
mod generate;
mod login_input;
mod login_throttling;
mod lost_updates;
mod pages;
mod pay_reports;
mod people;
mod reports;
mod robustness;
mod startup;
