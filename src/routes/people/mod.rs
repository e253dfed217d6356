//! People pages: the searchable list, a person's page, create and edit, delete and erase, and
//! the likely duplicates, the notes and files on a person.

mod counted_params;
mod duplicates;
mod edit;
mod files;
mod list;
pub(crate) mod list_count;
mod notes;
mod params;
mod remove;
mod show;

use rocket::Route;

pub(crate) use params::ListParams;

pub fn routes() -> Vec<Route> {
    rocket::routes![
        list::index,
        duplicates::index,
        duplicates::dismiss,
        list::download,
        show::show,
        edit::new,
        edit::create,
        edit::edit,
        edit::update,
        remove::confirm_delete,
        remove::delete,
        remove::confirm_erase,
        remove::erase,
        notes::add,
        notes::edit,
        notes::update,
        files::attach,
        files::download,
        files::remove
    ]
}
