//! The vocabulary synthetic records are drawn from, names apart (`names`). Plain ASCII without
//! tabs, backslashes or line breaks, so COPY's text format needs no escaping for any of it.

/// Company names are a made-up stem and a suffix, so none can collide with a real company of
/// the demo data.
pub const STEMS_A: &[&str] = &[
    "Ab", "Ar", "Bel", "Cal", "Cor", "Dax", "El", "Fen", "Gal", "Hal", "Ix", "Jor", "Kel", "Lum",
    "Mar", "Nov", "Or", "Pax", "Quor", "Ral", "Sol", "Tor", "Ul", "Vel", "Wex", "Xen", "Yor",
    "Zel",
];
pub const STEMS_B: &[&str] = &[
    "adyne", "arix", "ebra", "entis", "ica", "ion", "ithm", "ivo", "onyx", "ora", "ova", "umen",
    "yth", "yra",
];
pub const SUFFIXES: &[&str] = &[
    "AI",
    "Labs",
    "Systems",
    "Research",
    "Robotics",
    "Capital",
    "Technologies",
    "Intelligence",
];

pub const TITLES: &[&str] = &[
    "Research Scientist",
    "Senior Research Scientist",
    "Principal Scientist",
    "Research Engineer",
    "Machine Learning Engineer",
    "Staff Software Engineer",
    "Member of Technical Staff",
    "Head of Research",
    "Chief Scientist",
    "VP of Engineering",
    "Founder",
    "Chief Executive Officer",
    "Infrastructure Engineer",
    "Applied Scientist",
    "Product Lead",
];

pub const EXPERTISE: &[&str] = &[
    "Large language models",
    "Reinforcement learning",
    "Computer vision",
    "Speech",
    "Robotics",
    "Pretraining",
    "Post-training",
    "Inference optimisation",
    "GPU kernels",
    "Distributed training",
    "Safety and alignment",
    "Multimodal models",
    "Data infrastructure",
    "Evaluation",
];

pub const TEAMS: &[&str] = &[
    "Superintelligence",
    "Foundation models",
    "Research",
    "Infrastructure",
    "Applied AI",
    "Product",
];

pub const LOCATIONS: &[&str] = &[
    "Menlo Park",
    "San Francisco",
    "New York",
    "Seattle",
    "London",
    "Paris",
    "Zurich",
    "Berlin",
    "Toronto",
    "Tel Aviv",
    "Beijing",
    "Singapore",
    "Tokyo",
    "Bangalore",
];

pub const COUNTRIES: &[&str] = &["US", "US", "US", "GB", "FR", "CH", "DE", "CA", "IL", "CN"];

pub const SOURCES: &[&str] = &[
    "The Information",
    "Bloomberg",
    "Wall Street Journal",
    "levels.fyi",
    "Recruiter call",
    "Offer letter",
    "Candidate",
    "Industry contact",
];
