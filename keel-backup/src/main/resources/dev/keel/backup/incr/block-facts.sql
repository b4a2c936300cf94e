-- The block size and relation segment size (RELSEG_SIZE) this server was built with.
select database_block_size, blocks_per_segment from pg_control_init()
