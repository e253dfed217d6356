//! Reading a form out of a page as a browser would submit it: every field with its current
//! value, so a benchmark can change one and post the rest unchanged.

/// The fields of the form posting to `action`: inputs (not buttons), text areas and the
/// selected option of each select, with HTML entities decoded.
pub fn fields(page: &str, action: &str) -> anyhow::Result<Vec<(String, String)>> {
    let marker = format!("action=\"{action}\"");
    let start = page
        .find(&marker)
        .ok_or_else(|| anyhow::anyhow!("no form posting to {action}"))?;
    let form = &page[start..];
    let form = &form[..form.find("</form>").unwrap_or(form.len())];
    let mut fields = Vec::new();
    let mut rest = form;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let tag_end = rest.find('>').unwrap_or(rest.len());
        let tag = &rest[..tag_end];
        let Some(name) = attribute(tag, "name") else {
            continue;
        };
        if tag.starts_with("input ") {
            let kind = attribute(tag, "type").unwrap_or_default();
            if kind == "submit" || (kind == "checkbox" && !tag.contains(" checked")) {
                continue;
            }
            fields.push((name, attribute(tag, "value").unwrap_or_default()));
        } else if tag.starts_with("textarea ") {
            let body = &rest[tag_end + 1..];
            let text = &body[..body.find("</textarea>").unwrap_or(0)];
            fields.push((name, unescape(text)));
        } else if tag.starts_with("select ") {
            let body = &rest[tag_end + 1..];
            let body = &body[..body.find("</select>").unwrap_or(body.len())];
            let selected = body
                .split("<option ")
                .skip(1)
                .find(|o| o[..o.find('>').unwrap_or(0)].contains(" selected"))
                .and_then(|o| attribute(o, "value"))
                .unwrap_or_default();
            fields.push((name, selected));
        }
    }
    Ok(fields)
}

/// Sets `name` to `value` among `fields`, adding it if missing.
pub fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    match fields.iter_mut().find(|(n, _)| n == name) {
        Some(field) => field.1 = value.to_owned(),
        None => fields.push((name.to_owned(), value.to_owned())),
    }
}

/// The value of attribute `name` in a tag's text (which may start with it, as an option's
/// text after `<option ` does).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let marker = format!(" {name}=\"");
    let spaced = format!(" {tag}");
    let tag = spaced.as_str();
    let start = tag.find(&marker)? + marker.len();
    let end = tag[start..].find('"')?;
    Some(unescape(&tag[start..start + end]))
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2f;", "/")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}
