//! The pipeline board and a report's drill-down at desktop and phone size: nothing scrolls
//! sideways, a card moves with its form, and a clicked count lands on a list of as many people.

use fantoccini::Locator;

use super::Session;

/// Each size's name and window, and the move its board makes (the phone moves a card back).
const SIZES: [(&str, u32, u32, (&str, &str)); 2] = [
    ("desktop", 1280, 1100, ("sourced", "contacted")),
    ("phone", 390, 844, ("contacted", "sourced")),
];

pub(super) async fn board_and_drill_down(s: &Session) -> anyhow::Result<()> {
    s.log_in("recruiter@example.com").await?;
    for (name, width, height, (from, to)) in SIZES {
        s.resize(width, height).await?;
        s.open("/pipeline").await?;
        s.fits(&format!("/pipeline at {name} size")).await?;
        s.shot(&format!("{name}-pipeline")).await?;
        move_a_card(s, name, from, to).await?;
        for report in ["talent-flow", "pipeline"] {
            drill_down(s, name, report).await?;
        }
    }
    s.resize(1280, 1100).await?;
    Ok(())
}

/// Moves the first card of stage `from` to stage `to` with its form, and finds it there.
async fn move_a_card(s: &Session, size: &str, from: &str, to: &str) -> anyhow::Result<()> {
    let card = s
        .element(Locator::Css(&format!("#stage-{from} ~ ul .board-card")))
        .await?;
    let who = card.find(Locator::Css("a.name")).await?.text().await?;
    let id = card
        .find(Locator::Css("form.move select"))
        .await?
        .attr("id")
        .await?
        .unwrap_or_default();
    s.choose(&id, to).await?;
    s.leave_by(&card.find(Locator::Css("form.move button")).await?)
        .await?;
    let label = talent_tracker::domain::Stage::parse(to).map_or(to, |s| s.label());
    assert_eq!(s.text(".flash").await?, format!("{who} is now at {label}."));
    let moved = s
        .browser
        .find_all(Locator::Css(&format!(
            "#stage-{to} ~ ul .board-card a.name"
        )))
        .await?;
    let mut names = Vec::new();
    for link in moved {
        names.push(link.text().await?);
    }
    assert!(
        names.contains(&who),
        "{who} not among {names:?} at {size} size"
    );
    s.fits(&format!("/pipeline after a move at {size} size"))
        .await
}

/// Clicks the first count of a report's table and reads the list it leads to.
async fn drill_down(s: &Session, size: &str, report: &str) -> anyhow::Result<()> {
    s.open(&format!("/reports/{report}")).await?;
    s.fits(&format!("/reports/{report} at {size} size")).await?;
    s.shot(&format!("{size}-report-{report}")).await?;
    let link = s.element(Locator::Css("table td.num a")).await?;
    let clicked = link.text().await?;
    s.leave_by(&link).await?;
    assert_eq!(s.text("h1").await?, "People");
    let count = s.text("p.count").await?;
    let n = count.split_whitespace().next().unwrap_or_default();
    assert_eq!(
        n, clicked,
        "{report} at {size} size: clicked {clicked}, the list says {count}"
    );
    s.fits(&format!("the drill-down from {report} at {size} size"))
        .await?;
    s.shot(&format!("{size}-drill-down-{report}")).await
}
