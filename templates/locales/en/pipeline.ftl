# The pipeline board and its moves (templates/pipeline/, routes/pipeline.rs). The board's
# filters share their words with the people list (`people-*` in people.ftl).
pipeline-every-stage = Every stage
pipeline-count-about = about { $count }
pipeline-count-more-than = more than { $count }
pipeline-nobody = Nobody.
pipeline-from = from { $company }
pipeline-to = to { $company }
pipeline-days-in-stage = { $count ->
        [one] { $count } day
       *[other] { $count } days
    } in stage
pipeline-no-history = no stage history
pipeline-move-label = Move { $name } to
pipeline-move-to = Move to…
pipeline-move = Move
pipeline-more-count = and { $count } more in the people list
pipeline-more = More in the people list
pipeline-confirm-title = Move { $name } to { $to }?
pipeline-confirm-heading = Move { $name } from { $from } to { $to }?
pipeline-what-changes = What this changes
pipeline-kept-in-history = The move is kept in their stage history and the audit; they can be moved again later.
pipeline-confirm-button = Confirm: move to { $to }
pipeline-cancel = Cancel

## What a move changes (`MoveConfirmPage::changes`)
pipeline-undoes-hire-on = Hired on { $day }: this will no longer count as a hire in the reports (talent flow, hiring timeline) or on the dashboard.
pipeline-undoes-hire = Their hire will no longer count as a hire in the reports (talent flow, hiring timeline) or on the dashboard.
pipeline-undoes-offer-since = At Offer since { $day }: they leave the Offer stage and the board and the pipeline report count them at { $to }; their stage history still shows they reached Offer.
pipeline-undoes-offer = they leave the Offer stage and the board and the pipeline report count them at { $to }; their stage history still shows they reached Offer.
# $to: the stage's label, as a heading would write it
pipeline-closes = { $to } takes them out of the active pipeline: they count as { $to-lower } in the reports, not as a candidate.

## Flashes and refusals
pipeline-moved = { $name } is now at { $stage }.
pipeline-already-there = { $name } is already at { $stage }: nothing more was moved.
pipeline-no-such-stage = There is no stage called “{ $name }”.
pipeline-stale = { $name } was changed by someone else since this board was shown (now at { $stage }): nothing was moved. The board below is up to date; move them again if you still want to.
