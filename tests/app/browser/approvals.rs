//! The offers report on a laptop: its table fits its box, so "Reason" and "Decided on" are
//! read without scrolling sideways; and on a phone every link and button is big enough to hit.

use super::Session;

/// A common laptop width.
const LAPTOP: (u32, u32) = (1366, 900);

pub(super) async fn offers_report_fits(s: &Session) -> anyhow::Result<()> {
    s.log_in("admin@example.com").await?;
    s.resize(LAPTOP.0, LAPTOP.1).await?;
    s.open("/reports/offers").await?;
    s.browser
        .execute(
            "document.querySelector('.table-scroll').scrollIntoView()",
            vec![],
        )
        .await?;
    s.shot("offers-report-1366").await?;
    let edges = s
        .browser
        .execute(
            "const box = document.querySelector('.table-scroll');
             const last = box.querySelector('thead th:last-child');
             return [last.textContent, last.getBoundingClientRect().right,
                     box.getBoundingClientRect().right, box.querySelectorAll('tbody tr').length];",
            vec![],
        )
        .await?;
    let (label, right, inside, rows): (String, f64, f64, u64) = serde_json::from_value(edges)?;
    assert_eq!(label, "Decided on");
    assert!(rows > 0, "the demo's offers are listed");
    assert!(
        right <= inside + 0.5,
        "the last column ends at {right} px, outside its box ending at {inside} px"
    );
    Ok(())
}
