# Reports: the list of them, the page every report shares, their filters, tables and charts.

## The list
report-index-title = Reports
report-money-in = Money in reports is in { $currency }, converted with the
report-money-rates-link = exchange rates
report-index-intro = Every report filters by date range and company, can be bookmarked with its filters, and downloads as CSV.
report-talent-flow-title = Talent flow
report-talent-flow-summary = Hires from each origin company to each hiring company, with their median and total pay.
report-compensation-title = Compensation
report-compensation-summary = The spread of pay per origin company, hiring company, title, kind or confidence.
report-pipeline-title = Pipeline
report-pipeline-summary = The funnel by stage, conversion to the next stage and the median days in each.
report-offers-title = Offers against pay bands
report-offers-summary = Every offer's compa-ratio and range penetration in its band, and its approval.
report-transparency-title = EU pay transparency
report-transparency-summary = Candidates in the EU who reached interviews before their pay range was disclosed.
report-timeline-title = Hiring timeline
report-timeline-summary = Hires per month or quarter and the cumulative annual pay committed.

## One report's page
report-from = From
report-to = To
report-origin-company = Origin company
report-hiring-company = Hiring company
report-any = Any
report-apply = Apply
report-clear = Clear
report-filter-problems = These filters cannot be used:
report-download-csv = Download CSV
report-chart-caption = { $title }: the figures behind the chart
report-rows-shown = The first { $shown } rows are shown; { $more } more are in the
report-csv = CSV
report-left-out = { $count } { $count ->
    [one] figure
   *[other] figures
  } left out: no exchange rate
report-left-out-why = No rate is known on or before these figures' dates.
report-add-rate = Add a rate
report-add-rate-after = { " " }to include them.
report-and-more = and { $count } more.

## Filters
report-field-from = from
report-field-to = to
# $example: a date in the reader's format
report-filter-not-a-date = “{ $name }” is not a real date: use YYYY-MM-DD.
report-filter-out-of-range = “{ $name }”: { $why }
report-filter-from-after-to = “from” ({ $from }) is after “to” ({ $to }).
report-filter-group-by = Reports cannot be grouped by “{ $name }”: choose one of origin_company, hiring_company, title, kind, confidence.
report-filter-interval = “{ $name }” is not an interval: choose month or quarter.
report-filter-scale = “{ $name }” is not a scale: choose linear or log.
report-filter-no-choice = There is no { $what } “{ $name }”: choose one of { $names }.
report-what-kind = kind of pay figure
report-what-confidence = confidence
report-no-company = There is no company called “{ $name }”.
report-no-status = There is no approval status “{ $name }”.
report-approval = Approval

## What each report counts
# $currency: the reporting currency
report-explain-pay = Pay is each person's latest figure by as-of date, annualised (a total divided by its years), at the midpoint of its band, converted to { $currency } at the rate of its as-of date or the nearest earlier one.
report-explain-hired = A hire counts on its decision date, else its start date, else the day the person was moved to Hired.
report-explain-talent-flow = Hired people from each origin company to each hiring company. { $hired } { $pay }
report-explain-compensation = The spread of annualised pay midpoints per group, percentiles interpolated linearly. A person counts once per group, with their latest figure in it. Dates filter the figures' as-of dates. { $pay }
report-explain-pipeline = How many people reached each stage (someone who skipped a stage passed it), how many are there now, the share who went on to the next stage, and the median days spent in each stage before moving on, from the stage history. Dates filter the day people entered the tracker.
report-explain-timeline = Hires per period and the annual pay they commit, added up over time. { $hired } { $pay }
report-explain-offers = Every offer checked against the pay band in force on its date for its person's job family, level and zone (the person's zone preferred over bands for every zone), converted into the band's currency through the reporting currency at the rates of its date or the nearest earlier one. Compa-ratio: annual base ÷ band midpoint; range penetration: (annual base − minimum) ÷ (maximum − minimum). An offer outside its band waits for a compensation decision.
report-explain-transparency = Directive (EU) 2023/970, art. 5(1): a candidate is told the starting pay or its range before the interview. Listed: people in zone EU who reached interviewing (or a later stage) by the stage history before the day their range was disclosed, or without a disclosure date. A disclosure on the day interviewing began counts as in time.
report-empty-hires = No hires match these filters.
report-empty-pay = No pay figures match these filters.
report-empty-people = No people match these filters.
report-empty-offers = No offers match these filters.
report-empty-transparency = Every EU candidate who reached interviewing had their range disclosed in time.

## Report filters beyond dates and companies
report-group-by = Group by
report-group-title = Title
report-group-kind = Kind of figure
report-any-kind = Any kind
report-any-confidence = Any confidence
report-pay-scale = Pay scale
report-scale-automatic = Automatic
report-scale-linear = Linear
report-scale-log = Logarithmic
report-per = Per
report-month = Month
report-quarter = Quarter

## Table cells
# $value: already written in the reader's format
report-percent = { $value }%
