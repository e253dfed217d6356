DROP TABLE import_item;
