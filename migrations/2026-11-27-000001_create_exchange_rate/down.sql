DROP TABLE exchange_rate;
