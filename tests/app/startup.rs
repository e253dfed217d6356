use diesel::prelude::*;
use talent_tracker::schema::company;

use crate::common::TestApp;

/// Two instances starting together on one unmigrated database: the advisory lock lets one
/// migrate and seed while the other waits, so neither fails and nothing is seeded twice.
#[test]
fn two_instances_starting_together_migrate_and_seed_once() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let url = app.empty_database("tt_race")?;
    let start = || {
        let url = url.clone();
        std::thread::spawn(move || -> anyhow::Result<()> {
            let rocket = talent_tracker::app_with(
                crate::common::quiet(),
                talent_tracker::AppConfig {
                    database_url: url,
                    pool_size: 2,
                    demo: true,
                    reporting_currency: "USD".to_owned(),
                    import_limit: talent_tracker::config::ImportLimit(2),
                    secret_key: None,
                },
            )?;
            rocket::local::blocking::Client::untracked(rocket)?;
            Ok(())
        })
    };
    let (first, second) = (start(), start());
    for started in [first, second] {
        started
            .join()
            .map_err(|_| anyhow::anyhow!("an instance panicked"))??;
    }
    let mut conn = PgConnection::establish(&url)?;
    let companies: i64 = company::table.count().get_result(&mut conn)?;
    assert_eq!(companies, 7);
    Ok(())
}
