//! Input at the seams (issue 23): web addresses the forms and the database read alike, converted
//! figures too large to keep, NUL in filters and fields, and what an import preview says about
//! a file (its skipped rows' formulas, its line numbers).

mod figure_bounds;
mod import_files;
mod nul;
mod web_addresses;
