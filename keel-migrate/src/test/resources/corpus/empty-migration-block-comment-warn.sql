-- expect: empty-migration
/*
 * Reserved for the payments backfill; see ticket PAY-1042.
 */
