//! The events a webhook endpoint may subscribe to, by their Standard Webhooks `type`: the
//! same list as the CHECKs on `webhook_endpoint.events` and `outbox.kind`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebhookEvent {
    PersonCreated,
    StageChanged,
    Hired,
    OfferPending,
    OfferDecided,
    Merged,
    Unmerged,
    ImportConfirmed,
    ImportReverted,
    Erased,
}

impl WebhookEvent {
    pub const ALL: [WebhookEvent; 10] = [
        WebhookEvent::PersonCreated,
        WebhookEvent::StageChanged,
        WebhookEvent::Hired,
        WebhookEvent::OfferPending,
        WebhookEvent::OfferDecided,
        WebhookEvent::Merged,
        WebhookEvent::Unmerged,
        WebhookEvent::ImportConfirmed,
        WebhookEvent::ImportReverted,
        WebhookEvent::Erased,
    ];

    pub fn as_str(self) -> &'static str {
        self.names().0
    }

    pub fn label(self) -> &'static str {
        self.names().1
    }

    /// The form's checkbox for it (a dot would nest the field in Rocket's forms).
    pub fn field(self) -> String {
        format!("event_{}", self.as_str().replace('.', "_"))
    }

    pub fn parse(text: &str) -> Option<WebhookEvent> {
        WebhookEvent::ALL.into_iter().find(|e| e.as_str() == text)
    }

    fn names(self) -> (&'static str, &'static str) {
        match self {
            WebhookEvent::PersonCreated => ("person.created", "A person is added"),
            WebhookEvent::StageChanged => ("person.stage_changed", "A person changes stage"),
            WebhookEvent::Hired => ("person.hired", "A person is hired"),
            WebhookEvent::OfferPending => ("offer.pending", "An offer waits for a decision"),
            WebhookEvent::OfferDecided => ("offer.decided", "An offer is approved or rejected"),
            WebhookEvent::Merged => ("person.merged", "Two people are merged"),
            WebhookEvent::Unmerged => ("person.unmerged", "A merge is undone"),
            WebhookEvent::ImportConfirmed => ("import.confirmed", "An import is confirmed"),
            WebhookEvent::ImportReverted => ("import.reverted", "An import is reverted"),
            WebhookEvent::Erased => ("person.erased", "A person is erased (only their id)"),
        }
    }
}
