# What the parsed field types say about a value they cannot take (src/domain/): text, e-mail,
# web address, country, zone, years, local path. Read in the language the form was typed in.
form-required = This field is required.
form-nul = Contains a NUL character, which text cannot hold.
form-too-long = At most { $max } characters, please (this has { $length }).
form-email = Enter an e-mail address such as ada@example.com.
form-url-not-web = Enter a full web address starting with http:// or https://.
form-url-blanks = A web address cannot hold spaces, tabs, line breaks, other invisible control characters or backslashes (write a space as %20).
form-url-user = Leave out the user name and password (the part before @).
form-url-host = Enter the site's name after http:// or https:// (such as example.com).
form-url-port = A port is a number from 0 to 65535.
form-country = Not a country: give its ISO 3166-1 code (for example US, GB, DE) or its English name.
form-zone = A zone is 2 to 10 letters, e.g. US or EU.
form-local-path = Not a path on this site.
