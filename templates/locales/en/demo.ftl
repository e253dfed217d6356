# Removing the demo data (templates/demo_data.html).
demo-title = Remove the demo data
demo-removes = This removes, in one step, everything marked
demo-badge = demo
demo-people = { $count } people, with their stage history and any pay report added to them
demo-pay-reports = { $count } demo pay reports
demo-companies = { $count } companies
demo-exchange-rates = { $count } exchange rates (figures of your own that were converted with them will show as having no rate until you add your own)
demo-companies-kept = { $count ->
    [one] { $count } demo company stays: a person of your own refer to it.
   *[other] { $count } demo companies stay: people of your own refer to them.
    }
demo-audited = Every removal is recorded in the audit under your name. It cannot be undone here.
demo-remove-all = Remove all demo data
demo-cancel = Cancel
demo-none-left = There is no demo data left.
demo-removed = The demo data is removed: { $people } people, { $pay-reports } pay reports, { $companies } companies and { $exchange-rates } exchange rates.
demo-nothing-removed = There was no demo data to remove.
