-- expect: enum-add-value-in-transaction
-- pg: 15
ALTER TYPE payment_status ADD VALUE 'chargeback';
INSERT INTO payment_status_labels (status, label) VALUES ('chargeback', 'Chargeback');
