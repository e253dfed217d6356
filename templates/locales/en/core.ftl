# Shared by every page: the frame, numbers, money and dates.
# Keys are kebab-case and start with the area they belong to (`nav-`, `money-`, ...).

## Amounts
# An amount with its currency; `amount` is already written with this language's separators.
# $currency: the ISO code (EUR)
# $symbol: the currency's own symbol (€) where it has one that names it alone, else the code
money = { $currency } { $amount }
number-ambiguous = “{ $typed }” could be read two ways: { $local } with the point grouping thousands, or { $iso } with the point as a decimal point. Type { $local-plain } or { $iso } without the grouping point.
number-unreadable = “{ $typed }” is not a number: type it like { $plain } or { $grouped } (no currency symbols).
money-negative = Must not be negative.
money-cents = At most two decimal places (cents): “{ $typed }” was read with its point as the decimal point.
money-too-long = At most { $digits } digits before the decimal point.

## Dates
date-not-a-date = Not a real date: use YYYY-MM-DD, e.g. 2025-06-30.
date-out-of-range = A date between 1900-01-01 and 2100-12-31, please.
date-unreadable = “{ $typed }” is not a real date: use YYYY-MM-DD, e.g. { $example }.
date-four-digit-year = “{ $typed }”: write the year with four digits.

## The page frame
site-name = talent-tracker
skip-to-content = Skip to content
menu = Menu
nav-main = Main
nav-dashboard = Dashboard
nav-people = People
nav-pipeline = Pipeline
nav-companies = Companies
nav-reports = Reports
nav-exchange-rates = Exchange rates
nav-pay-bands = Pay bands
nav-audit = Audit
nav-users = Users
nav-mail = Mail
nav-webhooks = Webhooks
nav-import = Import
nav-account = Account
log-out = Log out
