-- expect: unparseable-sql
/* Adds the loyalty tier.
   /* nested: see ticket LOY-7 */
ALTER TABLE users ADD COLUMN loyalty_tier text;
