# The admins' list of mails (templates/outbox/index.html).
outbox-title = Mail
outbox-hint = Mails go out a moment after the change that causes them is saved, and are tried again with growing pauses while the mail server cannot take them; after the last try they are marked failed. Newest first, the latest { $count }.
outbox-none = No mail yet.
outbox-queued = Queued
outbox-mail = Mail
outbox-to = To
outbox-status = Status
outbox-attempts = Attempts
outbox-when = When
outbox-last-error = Last error
outbox-send-again = Send again
outbox-status-sent = sent
outbox-status-pending = pending
outbox-status-failed = failed
# $at: a moment in the installation's zone, named
outbox-sent-at = sent { $at }
outbox-next-try = next try { $at }
outbox-kind-offer-pending = An offer waits for a decision
outbox-kind-offer-decided = A decision on an offer
outbox-kind-new-user = A new user's password link
outbox-kind-password-link = A password link
outbox-kind-other = Another kind
outbox-sent-again = The mail is sent again within a few seconds.
outbox-nothing-to-send = That mail has not failed (or is gone): nothing to send again.
