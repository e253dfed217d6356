# The dashboard.
dashboard-title = Dashboard
dashboard-demo-notice = This tracker still holds the demo data.
dashboard-remove-demo = Remove all demo data
dashboard-remove-demo-after = { " " }once you have your own.
dashboard-waiting = { $count ->
    [one] offer waits
   *[other] offers wait
  } for your decision
dashboard-new-person = New person
dashboard-new-company = New company
dashboard-by-stage = People by stage
dashboard-stage = Stage
dashboard-people = People
dashboard-share = Share
dashboard-all = All
dashboard-latest-hires = Latest hires
dashboard-no-hires = No hires recorded yet.
dashboard-hire-from = from { $company }
dashboard-hire-to = to { $company }
dashboard-largest = Largest reported packages
dashboard-largest-explain = By annualised midpoint of the band in { $currency }, each figure converted at the rate of its as-of date or the nearest earlier one.
dashboard-the-largest = The largest:
dashboard-a-year = a year.
dashboard-no-pay-reports = No pay reports yet.
dashboard-person = Person
dashboard-amount-or-range = Amount or range
dashboard-period = Period
dashboard-annual-midpoint = Annualised midpoint
dashboard-confidence = Confidence
dashboard-as-of = As of
dashboard-not-ranked = Not ranked: no rate to { $currency }
