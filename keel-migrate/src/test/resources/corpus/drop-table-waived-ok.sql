-- expect: none
-- keel:allow dropping-table release 4.12 stopped using legacy_sessions; dump in s3://backups/2024-05
DROP TABLE IF EXISTS legacy_sessions;
