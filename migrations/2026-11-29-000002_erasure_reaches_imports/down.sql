-- Nothing to undo: erased values cannot come back.
SELECT 1;
