# Beschriftungen der Auswahlwerte. Gespeicherte und CSV-Werte bleiben englisch.

choice-one-of = Bitte eines davon wählen: { $names }.

## CompanyKind
company-kind-ai-lab = KI-Labor
company-kind-big-tech = Big Tech
company-kind-startup = Start-up
company-kind-investor = Investor
company-kind-other = Sonstiges

## Stage
stage-sourced = Recherchiert
stage-contacted = Kontaktiert
stage-interviewing = Im Gespräch
stage-offer = Angebot
stage-hired = Eingestellt
stage-declined = Abgelehnt
stage-withdrawn = Zurückgezogen

## PayKind
pay-kind-reported = Berichtet
pay-kind-offered = Angeboten
pay-kind-agreed = Vereinbart

## Period
period-annual = Jährlich
period-total = Gesamt über Jahre

## Confidence
confidence-rumor = Gerücht
confidence-reported = Berichtet
confidence-confirmed = Bestätigt

## Role
role-admin = Administration
role-recruiter = Recruiting
role-analyst = Analyse
role-viewer = Nur lesen
role-compensation = Vergütung

## Decision
decision-approved = Genehmigt
decision-rejected = Abgelehnt

## ApprovalStatus
approval-status-not-needed = Nicht nötig
approval-status-pending = Ausstehend
approval-status-approved = Genehmigt
approval-status-rejected = Abgelehnt
approval-status-unchecked = Nicht prüfbar

## BatchStatus (klein: steht in Sätzen)
batch-status-previewed = in Vorschau
batch-status-applied = übernommen
batch-status-reverted = zurückgenommen
