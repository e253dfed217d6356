# The API reference page's own words; the OpenAPI document it shows stays English.
api-docs-title = API reference
api-docs-machine = The same as a machine reads it:
api-docs-openapi-version = (OpenAPI 3.1).
api-docs-operations = Operations
api-docs-parameter = Parameter
api-docs-in-type = In, type
api-docs-required = Required
api-docs-meaning = Meaning
api-docs-yes = yes
api-docs-no = no
api-docs-body = Body:
api-docs-json = (JSON)
api-docs-answers = Answers:
api-docs-schemas = Schemas
api-docs-field = Field
api-docs-type = Type
