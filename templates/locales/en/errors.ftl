# The error page: what went wrong, in the reader's language.
error-code = Error { $code }
error-back = Back to the dashboard
error-400 = The request could not be understood.
error-401 = Please log in.
error-403 = Your role does not allow this. Ask an admin if you need it.
error-404 = There is nothing here. It may have been deleted, or the address is mistyped.
error-409 = Someone changed or removed a record this depends on meanwhile, so nothing was saved. Reload the page and try again.
error-413 = What was sent is too large.
error-422 = Some of what was sent could not be understood.
error-429 = Too many requests. Please wait a moment and try again.
error-503 = The database is not reachable right now. Please try again in a moment.
error-other = Something went wrong on our side. It has been logged.
error-too-slow = The database took too long to answer this, so it was stopped. Narrow the filters, or try again when it is less busy.
# $largest: the largest figure reports hold, written with this language's separators
error-figure-too-large = A pay figure converted to the reporting currency would come to more than { $largest }, more than reports can hold: nothing was saved. Check the amounts, currencies and periods, and the exchange rates.
error-erased = This person's personal data was erased on request: it cannot be written to their record again.
error-csrf = This form has expired or did not come from talent-tracker. Go back, reload the page and try again.

## The status's name, as HTTP names it in English
error-reason-400 = Bad Request
error-reason-401 = Unauthorized
error-reason-403 = Forbidden
error-reason-404 = Not Found
error-reason-405 = Method Not Allowed
error-reason-409 = Conflict
error-reason-410 = Gone
error-reason-413 = Payload Too Large
error-reason-422 = Unprocessable Entity
error-reason-429 = Too Many Requests
error-reason-500 = Internal Server Error
error-reason-503 = Service Unavailable
