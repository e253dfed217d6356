DROP TABLE pay_decision;
