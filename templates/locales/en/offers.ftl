# Offers against their pay bands, and the decisions on those outside them.

## One offer's check
# $date: already written in the reader's format
offer-of = Offer of { $date }
offer-approval = approval
offer-approval-page = Approval page
offer-band = Band
offer-annual-base = Annual base
offer-compa-ratio = Compa-ratio
offer-penetration = Range penetration
offer-base = Base
offer-total = Total
offer-computed-from = Computed from
offer-market = Market ({ $of }, each person's latest reported or agreed figure):
offer-decided-by = { $decision } by { $by } on { $at }
offer-for = Offer for { $name }
offer-inside-band = inside the band
offer-outside-band = outside the band
# $percent: already written in the reader's format
offer-penetration-percent = { $percent } %
offer-penetration-none = none (the range has no width)
offer-total-inside = annualised midpoint { $value }: compa-ratio { $compa }, penetration { $penetration }, inside the total range
offer-total-outside = annualised midpoint { $value }: compa-ratio { $compa }, penetration { $penetration }, outside the total range
offer-from-band = band { $name } from { $date }: base { $base }
offer-from-band-total = band { $name } from { $date }: base { $base }, total { $total }
offer-no-conversion = offer in { $currency }, no conversion
offer-converted-through = converted through { $reporting } at the rates of { $date } or the nearest earlier day
# $rate: written in the reader's format
offer-rate-of-offer = offer rate { $rate } { $reporting } per unit, of { $date }
offer-rate-of-band = band rate { $rate } { $reporting } per unit, of { $date }
offer-currency-is-reporting = offer currency is { $reporting }, the reporting currency
offer-band-currency-is-reporting = band currency is { $reporting }, the reporting currency
offer-unchecked-no-family = not checked: the person has no job family or level
offer-unchecked-no-band = not checked: no pay band for { $family } { $level } ({ $zone }, or every zone) in force on { $date }
offer-no-zone = no zone
offer-unchecked-no-rate = not checked: no { $currency } exchange rate on or before { $date }
offer-no-base = no base given
offer-warning-old-rate = The { $currency } exchange rate used is of { $rate-date }, more than { $days } days before the figure's date ({ $date }): add a newer rate for a truer value.
# $sum and $max: amounts with their currency, already written
offer-warning-above-total = Base, bonus, equity and sign-on come to { $sum } a year, above the top of the band's total range ({ $max }).

## Deciding
approval-queue-title = Offers waiting for a decision
approval-decide = Decide
approval-outside-band = This offer is outside its band
approval-decision = Decision
approval-choose = — choose —
approval-approve = Approve
approval-reject = Reject
approval-reason-field = Reason (required)
approval-record = Record decision
approval-decisions = Decisions
approval-none-yet = No decisions yet.
approval-when = When
approval-by = By
approval-reason = Reason
approval-counts-while = A decision counts while the offer, its person's job family, level and zone, and the band stay as they were when it was made; a change asks for a new one.
approval-queue-empty = No offer waits for a decision.
approval-queue-waiting = { $count ->
    [one] offer outside their band waits
   *[other] offers outside their band wait
  }, oldest first. Whoever created or last edited an offer, or changed its figures, leaves the decision to someone else.
approval-offer-date = Offer date
approval-person = Person
approval-made-by = Made by
approval-made-on = Made on
approval-yours = Yours: someone else decides
approval-more-waiting = { $count } more wait behind these:
approval-report-link = the offers report lists every pending offer
approval-not-on-record = not on record
approval-not-yours = You created or last edited this offer, or changed its figures, so someone else must approve or reject it.
approval-needs-none = This offer is inside its band or cannot be checked against one: it needs no decision.
approval-approved-flash = Approved the offer for { $name }.
approval-rejected-flash = Rejected the offer for { $name }.
