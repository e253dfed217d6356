//! Each rule once (issue 24): a rule that both Rust and the database must hold has one home,
//! and where the other side keeps a copy (to answer without a round trip, or because a
//! trigger needs it), a test here holds the copy to the home over every input that matters.

mod amounts;
mod annual_midpoint;
mod export_cells;
mod pay_history;
mod report_groups;
mod stage_order;
