-- expect: none
/* Adds the loyalty tier.
   /* nested: see ticket LOY-7 */
   still a comment */
ALTER TABLE users ADD COLUMN loyalty_tier text;
