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

/// A common phone.
const PHONE: (u32, u32) = (390, 844);

/// Every shown link and button whose box is under 24×24 px (WCAG 2.2, 2.5.8), apart from
/// those the rule exempts: links inline in a sentence, with words of their own around them.
const SMALL_TARGETS: &str = "
    const small = [];
    for (const el of document.querySelectorAll('a, button, input[type=submit], summary')) {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
        if (r.right <= 0 || r.bottom <= 0 || el.closest('svg, .visually-hidden')) continue;
        if (r.width >= 24 && r.height >= 24) continue;
        if (style.display === 'inline') {
            const words = [...el.parentElement.childNodes]
                .filter(n => n !== el && n.nodeType === Node.TEXT_NODE)
                .map(n => n.textContent).join('').replace(/[\\s·|,;:()–—-]/g, '');
            if (words.length > 0) continue;
        }
        small.push(`${el.tagName} “${el.textContent.trim()}” ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    }
    return small;";

/// On a phone each waiting offer's decision is on screen, not in a column scrolled out of view.
pub(super) async fn queue_fits_a_phone(s: &Session) -> anyhow::Result<()> {
    s.resize(PHONE.0, PHONE.1).await?;
    s.open("/approvals").await?;
    s.shot("approvals-390").await?;
    let edges = s
        .browser
        .execute(
            "return [...document.querySelectorAll('table.queue td.decision a')]
                 .map(a => a.getBoundingClientRect().right)
                 .concat([document.documentElement.clientWidth]);",
            vec![],
        )
        .await?;
    let mut rights: Vec<f64> = serde_json::from_value(edges)?;
    let width = rights.pop().unwrap_or_default();
    assert!(!rights.is_empty(), "the demo's offers wait for a decision");
    for right in rights {
        assert!(
            right <= width + 0.5,
            "a decision ends at {right} px, outside the {width} px screen"
        );
    }
    Ok(())
}

pub(super) async fn targets_are_big_enough(s: &Session) -> anyhow::Result<()> {
    s.resize(PHONE.0, PHONE.1).await?;
    s.open("/people").await?;
    let person = s
        .browser
        .execute(
            "return document.querySelector('tbody td:first-child a').getAttribute('href')",
            vec![],
        )
        .await?;
    let person = person.as_str().unwrap_or_default().to_owned();
    for page in ["/", "/people", "/approvals", &person] {
        s.open(page).await?;
        s.shot(&format!("targets-390{}", page.replace('/', "-")))
            .await?;
        let small: Vec<String> =
            serde_json::from_value(s.browser.execute(SMALL_TARGETS, vec![]).await?)?;
        assert!(
            small.is_empty(),
            "targets under 24×24 px on {page}: {small:#?}"
        );
    }
    Ok(())
}
