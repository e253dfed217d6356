//! The API's reference page: the OpenAPI document's operations and schemas, read from the
//! generated document itself so that the page and `/api/openapi.json` cannot disagree.

use askama::Template;
use serde_json::Value;

use super::Layout;

#[derive(Template)]
#[template(path = "api/docs.html")]
pub struct ApiDocsPage {
    pub layout: Layout,
    pub description: String,
    pub operations: Vec<Operation>,
    pub schemas: Vec<Schema>,
}

pub struct Operation {
    pub method: String,
    pub path: String,
    pub summary: String,
    pub tag: String,
    pub parameters: Vec<Field>,
    pub body: String,
    pub responses: Vec<(String, String)>,
}

pub struct Schema {
    pub name: String,
    pub description: String,
    pub fields: Vec<Field>,
}

/// A parameter or a property: name, where or what type, whether required, what it means.
pub struct Field {
    pub name: String,
    pub kind: String,
    pub required: bool,
    pub description: String,
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

/// The schema a `$ref` names, or the type written out (`string`, `array of Company`, …).
fn type_of(schema: &Value) -> String {
    if let Some(reference) = schema["$ref"].as_str() {
        return reference.rsplit('/').next().unwrap_or(reference).to_owned();
    }
    if let Some(any) = schema["oneOf"].as_array() {
        let kinds: Vec<String> = any.iter().map(type_of).collect();
        return kinds.join(" or ");
    }
    let kind = match &schema["type"] {
        Value::Array(kinds) => kinds.iter().map(text).collect::<Vec<_>>().join(" or "),
        other => text(other),
    };
    let kind = if kind.starts_with("array") {
        kind.replacen(
            "array",
            &format!("array of {}", type_of(&schema["items"])),
            1,
        )
    } else {
        kind
    };
    match schema["format"].as_str() {
        Some(format) => format!("{kind} ({format})"),
        None => kind,
    }
}

fn operation(path: &str, method: &str, op: &Value) -> Operation {
    let parameters = op["parameters"]
        .as_array()
        .map(|ps| {
            ps.iter()
                .map(|p| Field {
                    name: text(&p["name"]),
                    kind: format!("{}, {}", text(&p["in"]), type_of(&p["schema"])),
                    required: p["required"].as_bool().unwrap_or(false),
                    description: text(&p["description"]),
                })
                .collect()
        })
        .unwrap_or_default();
    let body = op["requestBody"]["content"]["application/json"]["schema"].clone();
    let responses = op["responses"]
        .as_object()
        .map(|rs| {
            rs.iter()
                .map(|(code, r)| {
                    let content = r["content"].as_object().and_then(|c| c.values().next());
                    let shown = content.map(|c| type_of(&c["schema"])).unwrap_or_default();
                    (code.clone(), shown)
                })
                .collect()
        })
        .unwrap_or_default();
    Operation {
        method: method.to_uppercase(),
        path: path.to_owned(),
        summary: text(&op["description"]),
        tag: op["tags"][0].as_str().unwrap_or_default().to_owned(),
        parameters,
        body: if body.is_null() {
            String::new()
        } else {
            type_of(&body)
        },
        responses,
    }
}

fn schema(name: &str, s: &Value) -> Schema {
    let required: Vec<&str> = s["required"]
        .as_array()
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let fields = s["properties"]
        .as_object()
        .map(|ps| {
            ps.iter()
                .map(|(field, p)| Field {
                    name: field.clone(),
                    kind: type_of(p),
                    required: required.contains(&field.as_str()),
                    description: text(&p["description"]),
                })
                .collect()
        })
        .unwrap_or_default();
    Schema {
        name: name.to_owned(),
        description: text(&s["description"]),
        fields,
    }
}

impl ApiDocsPage {
    pub fn from_document(document: &Value, locale: crate::i18n::Locale) -> Self {
        let mut operations = Vec::new();
        if let Some(paths) = document["paths"].as_object() {
            for (path, methods) in paths {
                for method in ["get", "post", "put", "delete"] {
                    if !methods[method].is_null() {
                        operations.push(operation(path, method, &methods[method]));
                    }
                }
            }
        }
        operations.sort_by(|a, b| (&a.tag, &a.path).cmp(&(&b.tag, &b.path)));
        let schemas = document["components"]["schemas"]
            .as_object()
            .map(|all| all.iter().map(|(name, s)| schema(name, s)).collect())
            .unwrap_or_default();
        ApiDocsPage {
            layout: Layout::anonymous(None, locale),
            description: text(&document["info"]["description"]),
            operations,
            schemas,
        }
    }
}
