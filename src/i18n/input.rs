//! The language input is read in. Rocket parses a form field by its type alone
//! (`FromFormField` has no request), so the language of the form being parsed travels beside
//! the parse, as a task-local value that `LocalForm` and the file import set around it. Outside
//! such a scope (the command line, the API's JSON) input is read as English, whose reading of
//! ISO numbers and dates is the plain one.

use super::Lang;

rocket::tokio::task_local! {
    static INPUT: Lang;
    static MESSAGES: Lang;
}

/// The language the value being parsed was typed in.
pub fn lang() -> Lang {
    INPUT.try_with(|lang| *lang).unwrap_or(Lang::En)
}

/// The language a parse's messages are written in: the reader's. That is the language the
/// value was typed in, except for a file, whose values are written in its format's language
/// whoever reads the errors (`answering`).
pub fn messages_lang() -> Lang {
    MESSAGES.try_with(|lang| *lang).unwrap_or_else(|_| lang())
}

/// Runs a synchronous parse whose messages are for a reader of `messages`, leaving how values
/// are read to the parse (a file's rows are read as its format writes them).
pub fn answering<T>(messages: Lang, parse: impl FnOnce() -> T) -> T {
    MESSAGES.sync_scope(messages, parse)
}

/// Runs a synchronous parse with input read as `lang` typed it.
pub fn reading<T>(lang: Lang, parse: impl FnOnce() -> T) -> T {
    INPUT.sync_scope(lang, parse)
}

/// Runs a future (a data guard's body read and parse) with input read as `lang` typed it.
pub async fn reading_async<F: std::future::Future>(lang: Lang, parse: F) -> F::Output {
    INPUT.scope(lang, parse).await
}

/// A form read in the language of the page it was sent from: `Form<T>` with the reader's
/// language around the parse, so `250.000` and `01.07.2026` mean what they meant to them.
pub struct LocalForm<T>(rocket::form::Form<T>);

impl<T> LocalForm<T> {
    pub fn into_inner(self) -> T {
        self.0.into_inner()
    }
}

impl<T> std::ops::Deref for LocalForm<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

#[rocket::async_trait]
impl<'r, T: rocket::form::FromForm<'r>> rocket::data::FromData<'r> for LocalForm<T> {
    type Error = <rocket::form::Form<T> as rocket::data::FromData<'r>>::Error;

    async fn from_data(
        request: &'r rocket::Request<'_>,
        data: rocket::Data<'r>,
    ) -> rocket::data::Outcome<'r, Self> {
        let locale = request
            .guard::<super::Locale>()
            .await
            .succeeded()
            .unwrap_or_default();
        reading_async(
            locale.lang,
            <rocket::form::Form<T> as rocket::data::FromData<'r>>::from_data(request, data),
        )
        .await
        .map(LocalForm)
    }
}
