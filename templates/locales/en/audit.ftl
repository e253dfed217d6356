# The audit log and the history on a person's page (templates/audit/, src/views/audit_words).
audit-title = Audit
audit-intro = Every create, update and delete, written in the same transaction as the change. Entries are never changed or deleted.
audit-filter-record = Record
audit-filter-any = Any
audit-filter-record-id = Record id
audit-filter-who = Who
audit-filter-from = From
audit-filter-to = To
audit-filter = Filter
audit-none = No entries match.
audit-when = When
audit-what-happened = What happened
# $value: what was typed
audit-not-a-table = “{ $value }” is not a table the audit covers.
audit-not-a-record-id = “{ $value }” is not a record id.
# $error: why the date was refused
audit-bad-from = “from”: { $error }
audit-bad-to = “to”: { $error }
audit-table-company = Companies
audit-table-person = People
audit-table-pay-report = Pay reports
audit-table-exchange-rate = Exchange rates
audit-table-import-batch = Imports
audit-table-app-user = Users
audit-table-pay-band = Pay bands
audit-table-pay-decision = Offer decisions

## How a sentence joins its parts: "Ada changed the stage of Bob from Sourced to Offer".
# Said before the record when one field changed.
audit-field-of = { $field } of{" "}
# One field's change said alone, after the record.
# $field: the field's name
audit-from-to = {" "}from { $before } to { $after }
# What a creation set, when it set one field.
audit-with = {" "}with { $field } { $after }
# A field's change in a list under the record (the field is named before it).
audit-item-from-to = {" "}from { $before } to { $after }

## Who
audit-actor-system = The system
# $name: the user's name or account
audit-actor-command-line = { $name } on the command line

## What was done
# $name: the person merged away; $id: their id
audit-verb-merged = merged { $name } (person { $id }) into
audit-verb-unmerged = undid the merge of { $name } (person { $id }) into
audit-verb-batch-reverted = reverted import { $batch } on
audit-verb-batch-created = by import { $batch } created
audit-verb-batch-changed = by import { $batch } changed
# $kind: the kind of document, with its size
audit-verb-attached = attached { $name } ({ $kind }) to
audit-verb-file-removed = removed the file { $name } from
audit-verb-file-changed = changed the file { $name } of
audit-verb-note-added = added a note to
audit-verb-note-deleted = deleted a note on
audit-verb-applied = applied
audit-verb-reverted = reverted
audit-verb-approved = approved
audit-verb-rejected = rejected
audit-verb-decided = decided on
audit-verb-created = created
audit-verb-deleted = deleted
audit-verb-erased = erased the personal data of
audit-verb-deactivated = deactivated
audit-verb-reactivated = reactivated
audit-verb-password-set-by-link = set a new password through a link for
audit-verb-password-link-made = made a password link for
audit-verb-password-changed = changed the password of
audit-verb-marked-demo = marked as demo data:
audit-verb-marked-real = marked as real data:
audit-verb-saved-unchanged = saved, without visible changes,
audit-verb-changed = changed
audit-a-file = a file
audit-file = file
audit-document-pdf = PDF
audit-document-docx = Word document
audit-document-png = PNG image
audit-document-jpeg = JPEG image

## Records
audit-person-id = person { $id }
audit-company-id = company { $id }
audit-a-person = a person
audit-someones-pay-report = a person's pay report
audit-pay-report-of = { $name }'s pay report
audit-note-of = { $name }'s note
audit-file-of = { $name }'s file
audit-user = user { $name }
# $day: written as the reader writes days
audit-exchange-rate-of = the { $currency } exchange rate of { $day }
audit-exchange-rate-id = exchange rate { $id }
audit-import-batch = import batch { $id }
audit-every-zone = every zone
audit-zone = zone { $zone }
audit-pay-band-of = the { $family } { $level } pay band ({ $zone }) from { $day }
audit-pay-band-id = pay band { $id }
audit-an-offer = an offer
audit-offer-id = offer { $id }
audit-webhook-endpoint = webhook endpoint { $url }

## Values
audit-none-value = none
audit-yes = yes
audit-no = no
# $amount: written with the reader's separators
audit-money = { $currency } { $amount }
audit-range = { $currency } { $low } – { $high }
# $range: audit-range of the band's base
audit-figures-band = { $range } (midpoint { $mid }) from { $day }
audit-figures-no-band = no band
audit-figures = offer { $offer } as of { $as-of }, base { $base }, against the band { $band }

## Fields
audit-field-name = the name
audit-field-origin-company = the origin company
audit-field-hiring-company = the hiring company
audit-field-first-contact = the first contact
audit-field-offer-date = the offer date
audit-field-decision-date = the decision date
audit-field-start-date = the start date
audit-field-period-years = the years of the total
audit-field-sign-on = the sign-on bonus
audit-field-as-of = the as-of date
audit-field-source = the source
audit-field-source-link = the source link
audit-field-email = the e-mail
audit-field-active = the active state
audit-field-day = the day
audit-field-company-kind = the kind of company
audit-field-text = the text
audit-field-report-kind = the kind of report
# $name: the column's name with spaces
audit-field-other = the { $name }
audit-field-stage = the stage
audit-field-title = the title
audit-field-kind = the kind
audit-field-currency = the currency
audit-field-band = the band
audit-field-base = the base
audit-field-bonus = the bonus
audit-field-equity = the equity
audit-field-period = the period
audit-field-confidence = the confidence
audit-field-notes = the notes
audit-field-website = the website
audit-field-country = the country
audit-field-role = the role
audit-field-status = the status
audit-field-level = the level
audit-field-zone = the zone
audit-field-rate = the rate
audit-field-decision = the decision
audit-field-reason = the reason
audit-field-created-count = the created count
audit-field-updated-count = the updated count
audit-field-skipped-count = the skipped count
audit-field-rows-total = the rows total
audit-field-imported-by = the imported by
audit-field-language = the language
