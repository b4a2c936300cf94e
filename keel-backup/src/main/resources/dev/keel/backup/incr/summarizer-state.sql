-- PostgreSQL 17+: whether WAL summarization is on, and how far it has summarized.
select current_setting('summarize_wal')::bool as enabled, summarized_tli, summarized_lsn::text as summarized_lsn
from pg_get_wal_summarizer_state()
