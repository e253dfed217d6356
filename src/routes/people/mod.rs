//! People pages: the searchable list, a person's page, create and edit, delete and erase, and
//! the likely duplicates.

mod counted_params;
mod duplicates;
mod edit;
mod list;
mod list_count;
mod params;
mod remove;

use rocket::Route;

pub(crate) use params::ListParams;

pub fn routes() -> Vec<Route> {
    rocket::routes![
        list::index,
        duplicates::index,
        duplicates::dismiss,
        list::download,
        list::show,
        edit::new,
        edit::create,
        edit::edit,
        edit::update,
        remove::confirm_delete,
        remove::delete,
        remove::confirm_erase,
        remove::erase
    ]
}
