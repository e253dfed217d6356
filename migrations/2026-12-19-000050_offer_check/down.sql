DROP TABLE offer_check;
