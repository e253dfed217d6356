# Pay reports, pay bands and exchange rates: their pages, forms and the rows that show them.

## Shared by these pages
pay-keep-it = Keep it
pay-cancel = Cancel
pay-demo-badge = demo
# $date: already written in the reader's format
pay-as-of = as of { $date }

## A pay report
pay-delete-title = Delete pay report
pay-delete-question = Delete this pay report for { $name }?
pay-delete-button = Delete pay report
pay-midpoint-equivalent = midpoint { $midpoint } { $equivalent }
pay-form-title = Pay report for { $name }
pay-edit-heading = Edit pay report for { $name }
pay-new-heading = New pay report for { $name }
pay-legend-claim = The claim
pay-field-kind = Kind
pay-field-confidence = Confidence
pay-field-as-of = As of (required)
pay-hint-as-of = When the figure applied or was reported
pay-legend-amount = Amount
pay-field-currency = Currency (required)
pay-hint-currency = ISO 4217 code, e.g. USD: type it or pick one
pay-range-toggle = A range (low and high)
pay-field-amount-low = Amount, or the low end of a range (required)
pay-hint-amount-low = A plain number, e.g. 100000000 or 1234.56
pay-field-amount-high = High end, for a range only
pay-hint-amount-high = Empty for a single figure
pay-field-period = Period
pay-field-period-years = Years covered by the total
pay-hint-period-years = e.g. 4
pay-legend-components = Components (optional)
pay-component-base = Base
pay-component-bonus = Bonus
pay-component-equity = Equity
pay-component-sign-on = Sign-on
pay-legend-source = Source
pay-field-source-name = Source name
pay-hint-source-name = e.g. the newspaper or podcast
pay-field-source-url = Source address
pay-hint-source-url = https://…
pay-field-notes = Notes
pay-save = Save pay report
# How a row names its period.
pay-per-year = per year
pay-total-over-years = total over { $years } { $years ->
    [one] year
   *[other] years
  }
# $reporting: the reporting currency's code; $value: the converted amount, already written
# $date: the day of the rate
pay-equivalent = ≈ { $reporting } { $value } at the { $date } rate
pay-not-in-reporting = not in { $reporting }: no rate on or before { $date }

## Pay bands
band-index-title = Pay bands
band-index-intro = Annual base (and total target, where set) per job family, level and zone. A later version supersedes an earlier one from its day; offers are checked against the version in force on their date.
band-new-title = New pay band
band-edit-title = Edit pay band
band-download-csv = Download CSV
band-import-csv = Import CSV
band-job-family = Job family
band-level = Level
band-zone = Zone
band-hint-zone-filter = * for bands of every zone
band-filter = Filter
band-clear = Clear
band-none-match = No pay bands match.
band-add-one = Add one
band-effective = Effective
band-standing = Standing
band-base-range = Base min / mid / max
band-total-range = Total min / mid / max
band-name-from = { $name } from { $date }
band-edit = Edit
band-delete-link = Delete…
band-effective-from = Effective from
band-annual-base-range = Annual base (min / mid / max)
band-annual-total-range = Annual total target (min / mid / max)
band-market = Market
band-market-of = { $of }, each person's latest reported or agreed figure, annualised:
band-versions = Versions
band-delete-title = Delete { $name }
band-delete-question = Delete { $name } from { $date }?
band-delete-blocked = This band cannot be deleted: { $count } { $count ->
    [one] offer is
   *[other] offers are
  } checked against it or decided on it.
band-delete-instead = Add a later version of the band instead, or change those offers first.
band-back = Back to the band
band-delete-explain = This removes this version of the band for good; offers of its dates are then checked against the version before it, if any.
band-delete-button = Delete pay band
band-legend-which = Which band
band-field-job-family = Job family (required)
band-hint-job-family = e.g. Research Scientist
band-field-level = Level (required)
band-hint-level = e.g. L7
band-hint-zone = e.g. US or EU; empty for every zone without a band of its own
band-field-effective-on = Effective from (required)
band-hint-effective-on = A later version of the same band supersedes this one from its day
band-hint-currency = ISO 4217 code, e.g. USD
band-legend-base = Annual base (required)
band-minimum = Minimum
band-midpoint = Midpoint
band-maximum = Maximum
band-hint-base-min = A plain number, e.g. 200000
band-legend-total = Annual total target (optional, all three or none)
band-save = Save pay band
# Where a version stands today.
band-in-force = in force
band-superseded = superseded
band-scheduled = from { $date }
band-every-zone = every zone
# "Research Scientist L7 (EU)"
band-name = { $family } { $level } ({ $zone })

## The market of a job family and level
# $n: how many figures; $p25, $median, $p75: amounts with their currency, already written
band-market-spread = n = { $n }: P25 { $p25 }, median { $median }, P75 { $p75 }
band-market-too-few = too few comparable figures ({ $n })
# $rank: a percentile rank written in the reader's format
band-market-rank = this offer's annualised midpoint, { $value }, is at percentile rank { $rank }
band-market-no-value = this offer has no value in { $reporting } (no exchange rate on or before its date)
band-market-of-family = { $family } { $level } in { $reporting }

## Exchange rates
rate-index-title = Exchange rates
rate-index-intro = Units of { $currency } (the reporting currency) that one unit of each currency buys.
rate-index-convert = Reports convert a pay figure at the rate of its as-of date, or the nearest earlier one.
rate-new-title = New exchange rate
rate-currency = Currency
rate-none-yet = No exchange rates yet.
rate-none-for = No exchange rates for { $currency } yet.
rate-on = On
rate-per-unit = Rate ({ $currency } per unit)
rate-actions = Actions
rate-delete-link = Delete
rate-delete-title = Delete exchange rate
rate-delete-question = Delete the { $currency } rate of { $date }?
rate-delete-explain = Reports will use the nearest earlier rate instead.
rate-delete-button = Delete exchange rate
rate-legend = Rate
rate-hint-currency = ISO 4217 code, e.g. EUR
rate-field-on = On (required)
rate-hint-on = The day the rate applies from
rate-field-rate = Rate (required)
rate-hint-rate = Units of the reporting currency one unit buys
rate-reporting-currency = Reporting currency: { $currency }.
rate-save = Save exchange rate
rate-not-a-number = Enter a positive number such as 1.0845.
rate-too-long = At most { $digits } digits on each side of the decimal point.
rate-not-positive = A rate must be more than zero.

## Short amounts for summaries ("$1.2M")
# $sign: "-" or nothing; $unit: one of the units below, or nothing
# $currency: the ISO code, for a reordering language
pay-compact-symbol = { $sign }{ $symbol }{ $number }{ $unit }
# $symbol: the currency's symbol, for a language that places it
pay-compact-code = { $sign }{ $currency } { $number }{ $unit }
pay-compact-thousand = k
pay-compact-million = M
pay-compact-billion = B
pay-compact-trillion = T

## Flashes
pay-saved = Saved the pay report for { $name }.
pay-warning = Warning: { $warning }
pay-deleted = Deleted the pay report.
band-saved = Saved the pay band { $name }.
band-deleted = Deleted the pay band { $name }.
rate-is-reporting = { $currency } is the reporting currency: it needs no rate.
rate-saved = Saved the { $currency } rate of { $date }.
rate-exists = There is a { $currency } rate for { $date } already.
# $largest: the largest figure a report holds, as a plain number
rate-too-large = At this rate a { $currency } pay report from { $date } on would be worth more than { $largest } { $reporting }, more than reports can hold. Check the rate: how many { $reporting } one { $currency } buys.
rate-needed = Without this rate, { $currency } pay reports from { $date } on would be converted at an earlier one and be worth more than { $largest } { $reporting }, more than reports can hold. Correct the earlier rate first.
rate-deleted = Deleted the { $currency } rate of { $date }.

## Field errors
pay-not-a-currency = Not an ISO 4217 currency code (for example USD, EUR, GBP).
pay-years-range = A whole number of years from 1 to 20.
# $largest: the largest figure a report holds, as a plain number
pay-too-large = Converted at the { $currency } rate of { $date }, this comes to more than { $largest } in the reporting currency, more than reports can hold. Check the amounts, the currency and the period.
band-version-taken = This band has a version from { $date } already: edit that one.
