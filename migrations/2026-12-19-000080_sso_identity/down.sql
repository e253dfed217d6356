DROP TABLE sso_identity;
