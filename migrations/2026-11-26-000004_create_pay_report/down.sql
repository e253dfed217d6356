DROP TABLE pay_report;
