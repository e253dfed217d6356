DROP TABLE app_user;
