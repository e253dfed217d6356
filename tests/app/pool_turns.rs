//! Requests waiting for a pooled connection are served in the order they asked.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rocket::tokio;
use talent_tracker::db::Db;

use crate::common::TestApp;

/// Under load every request waits for a connection; one that asked first must not wait behind
/// those that came after it. The first waiter here waits through several of the checkout's
/// 100 ms looks at the database's health, which used to send it to the back of the line.
#[test]
fn waiting_requests_get_a_connection_in_the_order_they_asked() -> anyhow::Result<()> {
    let app = TestApp::new()?;
    let db = Db::new(app.database_url(), 1)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let held = db.checkout().await?;
        let served = Arc::new(Mutex::new(Vec::new()));
        let mut waiting = Vec::new();
        for n in 0..5 {
            let (db, served) = (db.clone(), served.clone());
            waiting.push(tokio::spawn(async move {
                db.run(move |_| {
                    served.lock().expect("not poisoned").push(n);
                    Ok(())
                })
                .await
            }));
            tokio::time::sleep(Duration::from_millis(70)).await;
        }
        drop(held);
        for request in waiting {
            request.await??;
        }
        assert_eq!(*served.lock().expect("not poisoned"), vec![0, 1, 2, 3, 4]);
        Ok(())
    })
}
