//! Dragging cards on the pipeline board (static/board.js): a drop submits the card's own move
//! form, so a drag forward moves at once and a drag back from Hired asks first, as the buttons
//! do. The script comes from the app's own files, which the CSP allows, and nothing inline.

use std::time::Duration;

use fantoccini::Locator;
use fantoccini::actions::{InputSource, MouseActions, PointerAction, TouchActions};
use fantoccini::elements::Element;

use super::Session;
use super::session::until;

pub(super) async fn drag_cards(s: &Session) -> anyhow::Result<()> {
    s.log_in("recruiter@example.com").await?;
    s.resize(1366, 1000).await?;
    let script = s.download("/static/board.js").await?;
    assert!(
        script
            .to_ascii_lowercase()
            .contains("content-type: text/javascript"),
        "{script:.300}"
    );
    let board = s.download("/pipeline").await?;
    let csp = board
        .lines()
        .find(|l| {
            l.to_ascii_lowercase()
                .starts_with("content-security-policy")
        })
        .unwrap_or_default();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");

    s.open("/pipeline").await?;
    // Forward: the first Sourced card onto the Contacted column moves at once.
    let card = first_card(s, "sourced").await?;
    let who = card.find(Locator::Css("a.name")).await?.text().await?;
    drag(s, &card, "contacted", false).await?;
    assert_eq!(
        s.text(".flash").await?,
        format!("{who} is now at Contacted.")
    );
    assert!(names_in(s, "contacted").await?.contains(&who));

    // Back from Hired: the confirmation page, and nothing moved until it is confirmed.
    let card = first_card(s, "hired").await?;
    let hired = card.find(Locator::Css("a.name")).await?.text().await?;
    drag(s, &card, "interviewing", false).await?;
    assert_eq!(
        s.text("h1").await?,
        format!("Move {hired} from Hired to Interviewing?")
    );
    assert!(
        s.text("ul.changes")
            .await?
            .contains("no longer count as a hire")
    );
    s.shot("desktop-pipeline-confirm").await?;
    let still = s.download("/pipeline?stage=hired").await?;
    assert!(
        still.contains(&format!(">{hired}</a>")),
        "{hired} left Hired unasked"
    );
    s.submit("form.confirm-move").await?;
    assert_eq!(
        s.text(".flash").await?,
        format!("{hired} is now at Interviewing.")
    );
    assert!(names_in(s, "interviewing").await?.contains(&hired));

    // On a phone, a finger drags by the card's grip.
    s.resize(390, 844).await?;
    s.open("/pipeline").await?;
    let card = first_card(s, "contacted").await?;
    let who = card.find(Locator::Css("a.name")).await?.text().await?;
    drag(s, &card, "interviewing", true).await?;
    assert_eq!(
        s.text(".flash").await?,
        format!("{who} is now at Interviewing.")
    );
    s.resize(1280, 1100).await?;
    Ok(())
}

async fn first_card(s: &Session, stage: &str) -> anyhow::Result<Element> {
    s.element(Locator::Css(&format!("#stage-{stage} ~ ul .board-card")))
        .await
}

async fn names_in(s: &Session, stage: &str) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    for link in s
        .browser
        .find_all(Locator::Css(&format!(
            "#stage-{stage} ~ ul .board-card a.name"
        )))
        .await?
    {
        names.push(link.text().await?);
    }
    Ok(names)
}

/// Drags `card` onto the column of `stage` (by its heading, scrolled into view first) with
/// the mouse, or with a finger on the card's grip, and waits for the page the drop submits.
async fn drag(s: &Session, card: &Element, stage: &str, touch: bool) -> anyhow::Result<()> {
    let target = s.element(Locator::Css(&format!("#stage-{stage}"))).await?;
    let handle = if touch {
        card.find(Locator::Css(".drag-grip")).await?
    } else {
        card.find(Locator::Css("p.days")).await?
    };
    s.browser
        .execute(
            "arguments[0].scrollIntoView({block: 'center'}); \
             document.body.dataset.leaving = 'yes'",
            vec![serde_json::to_value(&handle)?],
        )
        .await?;
    let step = Some(Duration::from_millis(150));
    let moves = [
        PointerAction::MoveToElement {
            element: handle.clone(),
            duration: None,
            x: 0.0,
            y: 0.0,
        },
        PointerAction::Down { button: 0 },
        PointerAction::MoveBy {
            duration: step,
            x: 12.0,
            y: 12.0,
        },
        PointerAction::MoveToElement {
            element: target.clone(),
            duration: step,
            x: 0.0,
            y: 0.0,
        },
        PointerAction::Up { button: 0 },
    ];
    if touch {
        let finger = moves
            .into_iter()
            .fold(TouchActions::new("finger".to_owned()), InputSource::then);
        s.browser.perform_actions(finger).await?;
    } else {
        let mouse = moves
            .into_iter()
            .fold(MouseActions::new("mouse".to_owned()), InputSource::then);
        s.browser.perform_actions(mouse).await?;
    }
    until("the page the drop submitted", || async {
        let done = s
            .browser
            .execute(
                "return document.readyState === 'complete' && !!document.body \
                 && !document.body.dataset.leaving",
                vec![],
            )
            .await?;
        Ok((done.as_bool() == Some(true)).then_some(()))
    })
    .await
}
