DROP TABLE figures_due_tx;
DROP TABLE figures_due;
