//! The demo's companies and people: the Meta hires of 2025 and the fictional candidates.

use crate::domain::{CompanyKind, Stage};

pub(super) struct DemoPerson {
    pub(super) name: &'static str,
    pub(super) title: &'static str,
    pub(super) from: &'static str,
    pub(super) to: &'static str,
    pub(super) team: Option<&'static str>,
    /// Each stage the person went through and the day they reached it.
    pub(super) path: &'static [(Stage, &'static str)],
    pub(super) notes: &'static str,
}

/// Name, kind, website, country and notes of each demo company.
pub(super) fn companies() -> [(
    &'static str,
    CompanyKind,
    &'static str,
    &'static str,
    &'static str,
); 7] {
    [
        (
            "Meta",
            CompanyKind::BigTech,
            "https://about.meta.com",
            "US",
            "Home of Meta Superintelligence Labs, formed in 2025.",
        ),
        (
            "Scale AI",
            CompanyKind::Startup,
            "https://scale.com",
            "US",
            "Data labelling; Meta invested about $14.3B in 2025.",
        ),
        (
            "GitHub",
            CompanyKind::BigTech,
            "https://github.com",
            "US",
            "",
        ),
        (
            "Safe Superintelligence",
            CompanyKind::AiLab,
            "https://ssi.inc",
            "US",
            "",
        ),
        ("OpenAI", CompanyKind::AiLab, "https://openai.com", "US", ""),
        (
            "Google DeepMind",
            CompanyKind::AiLab,
            "https://deepmind.google",
            "GB",
            "",
        ),
        (
            "Anthropic",
            CompanyKind::AiLab,
            "https://www.anthropic.com",
            "US",
            "",
        ),
    ]
}

pub(super) fn people() -> [DemoPerson; 9] {
    let hired = |on| -> &'static [(Stage, &'static str)] { on };
    [
        DemoPerson {
            name: "Alexandr Wang",
            title: "Chief AI Officer",
            from: "Scale AI",
            to: "Meta",
            team: Some("Superintelligence Labs"),
            path: hired(&[
                (Stage::Contacted, "2025-05-01"),
                (Stage::Offer, "2025-06-01"),
                (Stage::Hired, "2025-06-12"),
            ]),
            notes: "Founder of Scale AI.",
        },
        DemoPerson {
            name: "Nat Friedman",
            title: "Head of products and applied research",
            from: "GitHub",
            to: "Meta",
            team: Some("Superintelligence Labs"),
            path: hired(&[
                (Stage::Contacted, "2025-05-10"),
                (Stage::Offer, "2025-06-10"),
                (Stage::Hired, "2025-06-20"),
            ]),
            notes: "Former GitHub CEO.",
        },
        DemoPerson {
            name: "Daniel Gross",
            title: "Products lead",
            from: "Safe Superintelligence",
            to: "Meta",
            team: Some("Superintelligence Labs"),
            path: hired(&[
                (Stage::Contacted, "2025-05-15"),
                (Stage::Offer, "2025-06-15"),
                (Stage::Hired, "2025-07-01"),
            ]),
            notes: "Co-founder of Safe Superintelligence.",
        },
        DemoPerson {
            name: "Priya Raman",
            title: "Research scientist",
            from: "Google DeepMind",
            to: "Meta",
            team: None,
            path: &[(Stage::Sourced, "2025-09-01")],
            notes: "Fictional demo candidate.",
        },
        DemoPerson {
            name: "Jonas Weber",
            title: "Inference engineer",
            from: "OpenAI",
            to: "Anthropic",
            team: None,
            path: &[
                (Stage::Sourced, "2025-08-01"),
                (Stage::Contacted, "2025-08-20"),
            ],
            notes: "Fictional demo candidate.",
        },
        DemoPerson {
            name: "Mei Lin",
            title: "Member of technical staff",
            from: "Anthropic",
            to: "OpenAI",
            team: None,
            path: &[
                (Stage::Sourced, "2025-07-01"),
                (Stage::Contacted, "2025-07-10"),
                (Stage::Interviewing, "2025-08-05"),
            ],
            notes: "Fictional demo candidate.",
        },
        DemoPerson {
            name: "Samuel Okafor",
            title: "Staff research engineer",
            from: "Google DeepMind",
            to: "Meta",
            team: Some("Superintelligence Labs"),
            path: &[
                (Stage::Sourced, "2025-06-01"),
                (Stage::Contacted, "2025-06-15"),
                (Stage::Interviewing, "2025-07-01"),
                (Stage::Offer, "2025-08-01"),
            ],
            notes: "Fictional demo candidate.",
        },
        DemoPerson {
            name: "Clara Duval",
            title: "Research scientist",
            from: "OpenAI",
            to: "Meta",
            team: None,
            path: &[
                (Stage::Sourced, "2025-06-05"),
                (Stage::Contacted, "2025-06-20"),
                (Stage::Offer, "2025-07-15"),
                (Stage::Declined, "2025-07-30"),
            ],
            notes: "Fictional demo candidate.",
        },
        DemoPerson {
            name: "Tomás Ortega",
            title: "Pre-training lead",
            from: "Anthropic",
            to: "Google DeepMind",
            team: None,
            path: &[
                (Stage::Sourced, "2025-04-01"),
                (Stage::Contacted, "2025-04-15"),
                (Stage::Withdrawn, "2025-05-02"),
            ],
            notes: "Fictional demo candidate.",
        },
    ]
}
