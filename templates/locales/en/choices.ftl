# Labels of the choice enums (`ChoiceName::label_key`): `<enum>-<stored value>`. The stored and
# CSV values never change with the language; only these labels do.

choice-one-of = Choose one of: { $names }.

## CompanyKind
company-kind-ai-lab = AI lab
company-kind-big-tech = Big tech
company-kind-startup = Startup
company-kind-investor = Investor
company-kind-other = Other

## Stage
stage-sourced = Sourced
stage-contacted = Contacted
stage-interviewing = Interviewing
stage-offer = Offer
stage-hired = Hired
stage-declined = Declined
stage-withdrawn = Withdrawn

## PayKind
pay-kind-reported = Reported
pay-kind-offered = Offered
pay-kind-agreed = Agreed

## Period
period-annual = Annual
period-total = Total over years

## Confidence
confidence-rumor = Rumor
confidence-reported = Reported
confidence-confirmed = Confirmed

## Role
role-admin = Admin
role-recruiter = Recruiter
role-analyst = Analyst
role-viewer = Viewer
role-compensation = Compensation

## Decision
decision-approved = Approved
decision-rejected = Rejected

## ApprovalStatus
approval-status-not-needed = Not needed
approval-status-pending = Pending
approval-status-approved = Approved
approval-status-rejected = Rejected
approval-status-unchecked = Cannot be checked

## BatchStatus (lower case: used inside sentences)
batch-status-previewed = previewed
batch-status-applied = applied
batch-status-reverted = reverted
