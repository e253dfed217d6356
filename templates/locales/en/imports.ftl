# Importing CSV files: the upload, the preview, the batches (templates/imports/).
import-title = Import CSV
import-explain-1 = Upload a CSV file of
import-explain-companies = companies
import-explain-2 = (columns
import-explain-3 = , and optionally
import-explain-4 = ) or of
import-explain-people = people
import-explain-5 = and the other person columns), optionally with one pay report per row
import-explain-and = and
import-explain-6 = or of
import-explain-bands = pay bands
import-explain-7 = the optional
import-explain-8 = columns and
import-explain-9 = ; for compensation staff and admins): the files the Download CSV buttons write. You see a preview first; nothing is saved until you confirm.
# $limit: the largest file, in MiB
import-file-rules = UTF-8, with or without a byte-order mark; commas or semicolons; columns in any order. At most { $limit } MiB.
import-templates = Templates with every column and an example row (replace it with yours):
import-template-people = people with pay reports
import-for-excel = for Excel
import-for-excel-de = for German Excel
import-for-excel-de-labels = for German Excel, with column labels
import-template-companies = companies
import-csv-file = CSV file
import-preview = Preview import
import-earlier = Earlier imports
import-too-large = The file is larger than the import limit of { $limit } MiB.
import-choose-file = Choose a CSV file to upload.
import-file-gone = This preview's file is gone: it named a person whose personal data was erased since. Take them out of the file and upload it again.
# $summary: import-tally-... joined
import-imported = { $skipped ->
    [0] Imported { $summary }.
    [one] Imported { $summary }; skipped { $skipped } row with errors.
   *[other] Imported { $summary }; skipped { $skipped } rows with errors.
    }

## The preview
import-preview-title = Import preview
import-back = Import
import-preview-of = Preview of { $file }
# $kind: import-kind-...; $summary: what the file does, import-tally-...
import-file-of = A file of { $kind }: { $summary }.
import-kind-people = people
import-kind-companies = companies
import-kind-pay-bands = pay bands
# $skippable: "true" when the valid rows may be imported alone
import-errors-on-rows = The file has { $count ->
    [one] { $count } error
   *[other] { $count } errors
    } on { $rows ->
    [one] { $rows } row
   *[other] { $rows } rows
    }. Correct them and upload the file again{ $skippable ->
    [true] , or import the valid rows now and skip these
   *[other] {""}
    }.
import-skip-errors = Import the valid rows, skip { $rows }
import-download-skipped = Download the rows with errors (CSV)
import-skipped-explain-1 = The download holds the skipped rows as the file has them, with their errors in a last column (
import-skipped-explain-2 = , which the import ignores): fix them and import that file.
import-errors = Errors
import-line = Line
import-row-of = Row of
import-column = Column
import-value = Value
import-problem = Problem
import-quoted = “{ $value }”
import-more-errors = … and { $count } more errors.
import-already-there = Already in the tracker?
import-may-be-duplicates = { $count ->
    [one] { $count } new person may be someone already there: review these before importing. Importing creates them all the same.
   *[other] { $count } new people may be someone already there: review these before importing. Importing creates them all the same.
    }
import-duplicate-line = Line { $line }, { $name }:
import-duplicate-same-name-origin-source = the same name and the same origin company and a pay source in common
import-duplicate-same-name-origin = the same name and the same origin company
import-duplicate-same-name-source = the same name and a pay source in common
import-duplicate-similar-name-origin-source = a very similar name and the same origin company and a pay source in common
import-duplicate-similar-name-origin = a very similar name and the same origin company
import-duplicate-similar-name-source = a very similar name and a pay source in common
# $lines: the line numbers, joined
import-same-as-lines = { $count ->
    [one] the same name and origin company as line { $lines } of this file
   *[other] the same name and origin company as lines { $lines } of this file
    }
import-more = … and { $count } more.
import-unchecked = Only the first { $checked } new people were checked against the people already there; the other { $count } were not.
import-companies-to-create = Companies to create
import-companies-to-create-explain = The file names these companies, which do not exist yet; they are created with kind “other”.
import-ignored-columns = Columns ignored (not known here):
import-confirm = { $count ->
    [one] Import { $count } change
   *[other] Import { $count } changes
    }
import-cancel = Cancel
import-upload-another = Upload another file
import-rows = Rows
import-rows-explain = A record that is there already keeps its stored value in every column the file leaves out; an empty cell in a column the file has clears that field.
import-record = Record
import-what = What
import-action = Action
import-changes = Changes
import-empty = (empty)
import-more-rows = … and { $count } more rows.
import-action-create = create
import-action-update = update
import-action-skip = skip (unchanged)
import-record-company = company
import-record-person = person
import-record-pay-report = pay report
import-record-pay-band = pay band
import-matched-by-id = matched by id
import-matched-by-name = matched by name and origin company
# $band: the band's family, level and zone; $day: the day it takes effect
import-band-from = { $band } from { $day }

## What a file does, counted per kind of record
import-tally-nothing = nothing
import-tally-part-new = { $count } new
import-tally-part-updated = { $count } updated
import-tally-part-unchanged = { $count } unchanged
# $parts: import-tally-part-... joined
import-tally-mixed-people = { $count ->
    [one] { $count } person
   *[other] { $count } people
    }: { $parts }
import-tally-mixed-pay-reports = { $count ->
    [one] { $count } pay report
   *[other] { $count } pay reports
    }: { $parts }
import-tally-mixed-companies = { $count ->
    [one] { $count } company
   *[other] { $count } companies
    }: { $parts }
import-tally-mixed-pay-bands = { $count ->
    [one] { $count } pay band
   *[other] { $count } pay bands
    }: { $parts }
import-tally-new-people = { $count ->
    [one] { $count } new person
   *[other] { $count } new people
    }
import-tally-updated-people = { $count ->
    [one] { $count } updated person
   *[other] { $count } updated people
    }
import-tally-unchanged-people = { $count ->
    [one] { $count } unchanged person
   *[other] { $count } unchanged people
    }
import-tally-new-pay-reports = { $count ->
    [one] { $count } new pay report
   *[other] { $count } new pay reports
    }
import-tally-updated-pay-reports = { $count ->
    [one] { $count } updated pay report
   *[other] { $count } updated pay reports
    }
import-tally-unchanged-pay-reports = { $count ->
    [one] { $count } unchanged pay report
   *[other] { $count } unchanged pay reports
    }
import-tally-new-companies = { $count ->
    [one] { $count } new company
   *[other] { $count } new companies
    }
import-tally-updated-companies = { $count ->
    [one] { $count } updated company
   *[other] { $count } updated companies
    }
import-tally-unchanged-companies = { $count ->
    [one] { $count } unchanged company
   *[other] { $count } unchanged companies
    }
import-tally-new-pay-bands = { $count ->
    [one] { $count } new pay band
   *[other] { $count } new pay bands
    }
import-tally-updated-pay-bands = { $count ->
    [one] { $count } updated pay band
   *[other] { $count } updated pay bands
    }
import-tally-unchanged-pay-bands = { $count ->
    [one] { $count } unchanged pay band
   *[other] { $count } unchanged pay bands
    }

## The batches
import-batches-title = Imports
import-batches-none = Nothing has been imported yet.
import-batch-file = File
import-batch-of = Of
import-batch-by = By
import-batch-when = When
import-batch-created = Created
import-batch-updated = Updated
import-batch-skipped = Skipped
import-batch-status = Status
import-batch-title = Import of { $file }
import-batch-file-of = File of
import-batch-rows = Rows
import-batch-applied = Applied
import-batch-reverted = Reverted
import-batch-wrote = What it wrote
# $action: import-record-created/-updated; $kind: import-record-...
import-batch-record = { $action } { $kind }:
import-record-created = created
import-record-updated = updated
import-deleted-since = (deleted since)
import-batch-first = The first { $count } records; the counts above cover them all.
import-revert-explain = Reverting deletes what this import created and gives what it updated its old values back.
import-revert = Revert this import
import-keep = Keep it
import-revert-ask = Revert…
import-reverted = Reverted the import.

## Why a file is refused as a whole
import-file-empty = The file is empty.
import-file-not-utf8 = The file is not UTF-8 text (line { $line } has a byte that is not). Save it as “CSV UTF-8” and upload it again.
# $error: the CSV reader's own words
import-header-unreadable = The header line cannot be read: { $error }.
import-not-csv = The file cannot be read as CSV: { $error }.
import-no-rows = The file has a header line but no rows.
import-column-twice = The column “{ $column }” appears twice in the header.
# $columns: the missing columns' machine names
import-columns-missing = Required columns are missing: { $columns }. A companies file needs name and kind; a people file needs full_name and stage, and with pay reports also kind, currency, amount_low, amount_high, period, as_of and confidence; a pay bands file needs job_family, level, currency, base_min, base_mid, base_max and effective_on.
import-row-length = This row has { $fields } fields; the header has { $headers }.
