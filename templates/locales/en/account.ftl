# The user's own account (/account), their API tokens and their password.

## The account page
account-title = Your account
account-name = Name
account-email = E-mail
account-role = Role
account-language = Language
account-language-label = Pages, mails, numbers and dates in
account-language-browser = Browser's language
account-language-save = Save language
account-language-saved = Your language is saved.
account-language-unknown = There is no language “{ $typed }” here: choose one from the list.
account-password = Password
account-password-change = Change your password
account-sessions = Sessions
account-sessions-only-here = You are logged in here only.
account-sessions-others = You are also logged in { $count } other { $count ->
    [one] time
   *[other] times
  } (another browser or device).
account-sessions-end-others = Log out everywhere else
account-sessions-ended = { $count ->
    [one] Your other session is ended.
   *[other] Your { $count } other sessions are ended.
  }
account-mail = Mail
account-mail-offer-pending = An offer outside its band waits for a decision
account-mail-offer-decided = A decision on an offer you made or last edited
account-mail-links-always = Links to set your password always come, when an admin makes one.
account-mail-save = Save mail choices
account-mail-saved = Your mail choices are saved.
account-cancel = Cancel

## API tokens
token-list-title = API tokens
token-make = Make an API token
token-api-reference = API reference
token-none = No API tokens yet.
token-name = Name
token-owner = User
token-scope = Scope
token-made = Made
token-expires = Expires
token-last-used = Last used
token-state = State
token-scope-read-only = read only
token-scope-role = role
token-state-live = live
token-state-revoked = revoked
token-state-expired = expired
token-revoke = Revoke
token-never-used = never
token-revoked = The token is revoked.
token-created-title = API token
token-created-heading = Your API token “{ $name }”
token-created-copy = Copy it now: it is shown only this once, and talent-tracker keeps no copy it could show again. It works until { $expires }.
token-created-copy-read-only = Copy it now: it is shown only this once, and talent-tracker keeps no copy it could show again. It works until { $expires }, for reads only.
token-created-send-as = Send it as
token-created-header = Authorization: Bearer …
token-created-reference-before = the
token-created-reference-after = says what it opens.
token-back-to-account = Back to your account
token-new-title = New API token
token-name-hint = What it is for, e.g. the HRIS sync
token-days = Days valid
token-days-hint = From 1 to 730
token-read-only-label = Read only: reads what your role reads, changes nothing
token-read-only-hint = Without "read only" the token does everything your role does, through the API.
token-make-submit = Make the token
token-name-missing = Give the token a name.
token-name-too-long = A name has at most { $max } characters.
token-name-control = A name cannot hold control characters.
token-days-range = From 1 to { $max } days.

## Passwords
password-too-short = A password needs at least { $min } characters.
password-too-long = A password has at most { $max } characters.
password-repeat-differs = The two new passwords differ.
password-not-current = This is not your current password.
password-same-as-current = Choose a password other than the current one.
password-throttled = Too many wrong passwords. Try again in { $minutes } minutes.
password-changed = Your password is changed; your other sessions are ended.
password-change-title = Change password
password-change-heading = Change your password
password-current = Current password
password-new = New password
password-new-again = New password again
password-length-hint = 12 to 128 characters
password-change-ends-sessions = Your other sessions end when the password is changed.
password-link-title = Set your password
password-link-for = For
password-link-once = This link works once; any sessions of this account end when the password is set.
password-link-submit = Set password
password-link-gone = This password link has been used or has expired. Ask an admin for a new one.
password-link-set = The password of { $email } is set. Log in with it.
