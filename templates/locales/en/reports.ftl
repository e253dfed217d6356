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
