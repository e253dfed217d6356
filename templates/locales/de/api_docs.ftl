# Die eigenen Worte der API-Referenz; das OpenAPI-Dokument, das sie zeigt, bleibt englisch.
api-docs-title = API-Referenz
api-docs-machine = Dasselbe, wie eine Maschine es liest:
api-docs-openapi-version = (OpenAPI 3.1).
api-docs-operations = Operationen
api-docs-parameter = Parameter
api-docs-in-type = Ort, Typ
api-docs-required = Pflicht
api-docs-meaning = Bedeutung
api-docs-yes = ja
api-docs-no = nein
api-docs-body = Body:
api-docs-json = (JSON)
api-docs-answers = Antworten:
api-docs-schemas = Schemas
api-docs-field = Feld
api-docs-type = Typ
