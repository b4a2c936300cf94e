-- expect: adding-trigger-or-rule
create constraint trigger ledger_entries_balanced
    after insert or update on ledger_entries
    deferrable initially deferred
    for each row execute function check_ledger_balanced();
