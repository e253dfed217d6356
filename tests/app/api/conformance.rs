//! placeholder: filled in below
