# Merging two people and undoing it (templates/merges/, templates/people/_merges.html).
merge-merged-records = Merged records
merge-merged-from = Merged from { $name }
merge-person-id = (person { $id })
merge-on = on { $at }
merge-undo-this = Undo this merge…
merge-identical-intro = These pay reports came with a merge and repeat one this record already had (same figures, day and source):
# Closed by the page after the report's source, when it has one.
merge-identical-pair = report { $duplicate } repeats report { $kept } (as of { $as-of }
merge-collapse = Collapse each into one
merge-collapse-hint = The repeats are deleted (and the audit says so); undoing the merge brings them back.
merge-title = Merge { $left } and { $right }
merge-heading = Merge two people
merge-changed-meanwhile = Someone else saved { $names } while you were choosing. Nothing was merged. The page now shows the records as they are: check your choices and merge again.
merge-and = {" and "}
merge-explained = One record survives and gets the values chosen below; the other's pay reports, stage history and import records move to it, and the other record is removed. The audit keeps both records as they were, and the merge can be undone from the surviving person's page or from
merge-field = Field
merge-survives = Survives
merge-keep-person = keep person { $id }
merge-moves-with-it = Moves with it
merge-person-label = Person { $id }:
merge-moved-counts = { $reports ->
        [one] { $reports } pay report
       *[other] { $reports } pay reports
    }, { $changes ->
        [one] { $changes } stage change
       *[other] { $changes } stage changes
    }
merge-all-equal = Every field has the same value in both records.
merge-button = Merge
merge-none = No people have been merged.
merge-merged = Merged
merge-into = Into
merge-moved = Moved
merge-by = By
merge-undo = Undo
merge-undone-at = undone { $at }
merge-undo-link = Undo…
merge-undo-title = Undo the merge of { $name }
merge-undo-heading = Undo the merge of { $removed } into { $survivor }?
merge-merged-on = Merged on { $at }
merge-undo-moved = { $reports ->
        [one] { $reports } pay report
       *[other] { $reports } pay reports
    } and { $changes ->
        [one] { $changes } stage change
       *[other] { $changes } stage changes
    } moved.
merge-undo-explained = { $removed } comes back as person { $id } with their pay reports, stage history and import records, and { $survivor } gets back the values it had before the merge, exactly as they were. Pay reports or stage changes added to { $survivor } after the merge stay with { $survivor }.
merge-undo-button = Undo the merge
merge-keep-merged = Keep it merged
merge-cannot-undo = This merge cannot be undone now:

## Flashes
merge-merged-flash = Merged { $removed } into { $survivor }. The merge can be undone below.
merge-undone-flash = Undid the merge: { $name } is back as person { $id }.
merge-collapsed-none = No identical pay reports were left to collapse.
merge-collapsed = { $count ->
        [one] 1 pay report that repeated another was deleted; undoing the merge brings it back.
       *[other] { $count } pay reports that repeated others were deleted; undoing the merge brings them back.
    }
merge-dates-out-of-order = The chosen dates are out of order: { $broken } Choose these dates from the same record.
