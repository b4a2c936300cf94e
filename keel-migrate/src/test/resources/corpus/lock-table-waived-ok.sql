-- expect: none
-- keel:allow lock-table exchange_rates is written once a day by a cron job that retries
LOCK TABLE exchange_rates IN SHARE ROW EXCLUSIVE MODE;
