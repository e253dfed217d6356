# The people pages: the list (`people-`), one person and their forms, notes and files
# (`person-`), and the possible duplicates (`duplicates-`).

## The list
people-new = New person
people-filters = Filters
people-filters-set = Filters ({ $count } set)
people-name-contains = Name contains
people-origin-company = Origin company
people-hiring-company = Hiring company
people-any = Any
people-stage = Stage
people-any-stage = Any stage
people-job-family = Job family
people-level = Level
people-zone = Zone
people-hired-from = Hired from
people-hired-to = Hired to
people-pay-kind = Pay figure kind
people-pay-confidence = Pay figure confidence
people-apply = Apply
people-clear = Clear
people-also-only = Also only people:
people-filters-unusable = These filters cannot be used:
people-none-match = No people match these filters.
people-count = { $count ->
        [one] { $count } person
       *[other] { $count } people
    }
people-count-about = About { $count } people
people-count-why = (the database's estimate: counting more than { $limit } exactly would take longer than showing them)
people-count-more-than = More than { $count } people
people-sort-by = Sort by
people-sort-or = or
people-sort-or-heading = , or by a column's heading.
people-title = Title
people-demo = demo
people-page-capped = This is page { $page }: a page number beyond { $limit } cannot be jumped to in a list this long. Go on page by page with “Next”, or narrow the list with a search or filter.
people-page = Page { $page }
people-merges = Merges
people-download-csv = Download CSV
people-download-pay = Download their pay reports (CSV)
people-import-csv = Import CSV

## What a filter from a report's link keeps (`carried_filters`)
people-carried-hired-from = hired on or after { $value }
people-carried-hired-to = hired on or before { $value }
people-carried-pay-kind = with a latest { $value } pay figure
people-carried-pay-confidence = with a latest pay figure of { $value } confidence
people-carried-entered-from = entered the tracker on or after { $value }
people-carried-entered-to = entered the tracker on or before { $value }
people-carried-reached = reached { $value }
people-carried-title = title “{ $value }”
people-carried-without = no { $value } recorded
people-carried-with-pay = with a pay figure the reports count
people-carried-pay-from = pay figures as of { $value } or later
people-carried-pay-to = pay figures as of { $value } or earlier

## The list's sort orders (`PersonSort`, labelled as choices are)
person-sort-name = Name
person-sort-stage = Stage
person-sort-origin-company = Origin company
person-sort-hiring-company = Hiring company
person-sort-start = Start date
person-sort-updated = Last updated

## One person
person-edit = Edit
person-add-pay = Add pay report
person-delete = Delete…
person-erase = Erase (GDPR)…
person-stage = Stage
person-title = Title
person-expertise = Expertise
person-origin-company = Origin company
person-hiring-company = Hiring company
person-job-family = Job family
person-level = Level
person-zone = Zone
person-range-disclosed = Pay range disclosed
person-team = Team
person-location = Location
person-first-contact = First contact
person-offer = Offer
person-decided = Decided
person-start = Start
person-notes = Notes
person-pay-reports = Pay reports
person-no-pay = No pay reported yet.
person-add-a-pay-report = Add a pay report
person-pay-kept = Every claim is kept, newest first; conflicting reports stand side by side.
person-pay-as-of = As of
person-pay-kind = Kind
person-pay-amount = Amount or range
person-pay-period = Period
person-pay-midpoint = Annualised midpoint
person-pay-components = Components
person-pay-source = Source
person-pay-confidence = Confidence
person-actions = Actions
person-pay-edit = Edit
person-pay-delete = Delete
person-offers = Offers against pay bands
person-stage-history = Stage history
person-history-when = When
person-history-from = From
person-history-to = To
person-history-entered = entered the tracker
person-change-history = Change history
person-no-changes = No recorded changes.
person-by = by { $name }

## The person form
person-edit-title = Edit person
person-edit-heading = Edit { $name }
person-already-tracked = Already in the tracker?
person-different-person = This is a different person: save anyway
person-legend-who = Who
person-full-name-required = Full name (required)
person-expertise-hint = e.g. large language models
person-legend-companies = Where from, where to
person-no-company = — none —
person-company-missing = A company missing from the lists?
person-add-company-first = Add it first
person-legend-job = Job and pay band
person-job-family-hint = Pick one the pay bands use or type a new one; matched to pay bands without case
person-level-hint = Pick one the pay bands use or type a new one, e.g. L7
person-zone-hint = e.g. US or EU; bands for every zone apply where none is given
person-range-disclosed-on = Pay range disclosed on
person-range-disclosed-hint = When the candidate was told the band
person-offer-date = Offer date
person-decision-date = Decision date
person-decision-date-hint = Not before the offer date
person-start-date = Start date
person-save = Save person
person-cancel = Cancel

## Deleting and erasing
person-delete-title = Delete { $name }
person-delete-heading = Delete { $name }?
person-delete-warning = This removes { $name }, their stage history for good.
person-delete-warning-pay = This removes { $name }, their stage history and their { $count ->
        [one] { $count } pay report
       *[other] { $count } pay reports
    } for good.
person-delete-button = Delete person
person-keep-them = Keep them
person-erase-title = Erase { $name }
person-erase-heading = Erase { $name }?
person-erase-warning = On the person's request (GDPR): their name, title, expertise, team, location and notes are removed, and so are the sources and notes of their pay reports, here and in the audit. The pay figures, companies, stages and dates stay as anonymous statistics. The notes on them and the files attached to them are deleted. The audit keeps that an erasure happened. This cannot be undone.
person-erase-button = Erase personal data
person-keep-it = Keep it

## Notes
person-no-notes = No notes yet.
person-note-former-user = a former user
person-note-on = on { $at }
person-note-edited = (edited { $at })
person-note-edit = Edit
person-note-add-label = Add a note
person-note-hint = Dated and signed with your name; you can correct it for 15 minutes, then it stays as written.
person-note-add = Add note
person-note-add-on = Add a note on { $name }
person-note-edit-on = Edit a note on { $name }
person-note = Note
person-note-save = Save note

## Files
person-files = Files
person-no-files = No files attached.
person-file = File
person-file-kind = Kind
person-file-size = Size
person-file-attached = Attached
person-file-remove = Remove
person-file-attach-label = Attach a file
person-file-hint = A CV or another document: PDF, Word (.docx), PNG or JPEG.
person-file-attach = Attach
person-file-attach-to = Attach a file to { $name }
person-file-limit-hint = PDF, Word (.docx), PNG or JPEG, at most { $limit }.
person-file-kind-pdf = PDF
person-file-kind-docx = Word document
person-file-kind-png = PNG image
person-file-kind-jpeg = JPEG image
person-file-kind-other = file
person-file-bytes = { $count } bytes
person-file-kb = { $size } KB
person-file-mb = { $size } MB

## Possible duplicates
duplicates-title = Possible duplicates
duplicates-merge = Merge…
duplicates-dismiss = Not a duplicate
duplicates-all-before = All{" "}
duplicates-all-link = possible duplicates
duplicates-all-after = .
duplicates-intro = Pairs of people with the same name who share an origin company or a pay source, most likely first. People with very similar but not equal names are not listed here (finding them for everyone at once would slow every save and import down): each person's page lists those it finds for them.
duplicates-none = No possible duplicates: nobody shares a name with someone from the same company or with a pay source in common.
duplicates-no-more = No more pairs.
duplicates-back-to-first = Back to the first page
duplicates-count = { $count ->
        [one] { $count } pair
       *[other] { $count } pairs
    }.
duplicates-count-more-than = More than { $count } pairs.
duplicates-person = Person
duplicates-same-as = Possibly the same as
duplicates-why = Why
duplicates-from = from
duplicates-hiring = hiring
duplicates-side-facts = { $count ->
        [one] { $count } pay report
       *[other] { $count } pay reports
    } · added { $added }
duplicates-first-page = ← First page
duplicates-why-same-name = same name
duplicates-why-same-origin = same origin company
duplicates-why-shared-source = a pay source in common
# Why the form warns: `$name` is one of the two below, `$shared` one of the three after them.
duplicates-reason = { $name } and { $shared }
duplicates-same-name = the same name
duplicates-similar-name = a very similar name
duplicates-shared-origin-and-source = the same origin company and a pay source in common
duplicates-shared-origin = the same origin company
duplicates-shared-source = a pay source in common

## Flashes and refusals
person-saved = Saved { $name }.
person-deleted = Deleted { $name } and their pay reports.
person-erased = Erased: the personal data is gone; the pay figures stay as anonymous statistics.
person-merged-here = Person { $id } was merged into this record, which is theirs now.
person-file-attached-flash = { $name } attached.
person-file-removed-flash = { $name } removed.
person-file-too-large = This file is larger than { $limit }, the most a file may be.
person-file-missing = Choose a file to attach.
person-file-refused-kind = This file is not a PDF, a Word document (.docx), a PNG or a JPEG image: only those can be attached.
person-note-added = Note added.
person-note-saved = Note saved.
person-note-stale = This note was saved from another window meanwhile; it now reads: "{ $body }". Save again to replace it with your text.
person-note-closed = Only its author can change a note, and only in the 15 minutes after writing it: add a new note instead.
duplicates-kept-apart = { $left } and { $right } are kept apart: they are not offered as duplicates again unless one's name or origin company changes.

## The list's filters in a link, refused
# $odd: the value given; $names: the values allowed
people-filter-without = “without={ $odd }” is not a filter: use { $names }.
people-filter-with-pay = “with_pay={ $other }” is not a filter: use with_pay=yes.
people-filter-choice = “{ $what }={ $name }” is not a filter: choose one of { $names }.
people-filter-not-a-date = “{ $name }” ({ $raw }) is not a real date: use YYYY-MM-DD.
people-filter-date-problem = “{ $name }” ({ $raw }): { $problem }
people-filter-dates-reversed = “{ $from-name }” ({ $from }) is after “{ $to-name }” ({ $to }).
people-not-a-page-number = “{ $typed }” is not a page number.
people-not-a-person-id = “{ $typed }” is not a person id.
people-no-such-company = There is no company called “{ $name }”.
person-no-such-company = There is no company called “{ $name }”. Add it under Companies first.
