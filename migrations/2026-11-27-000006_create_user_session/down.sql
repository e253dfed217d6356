DROP TABLE user_session;
