-- expect: disallowed-unique-constraint
ALTER TABLE events ADD PRIMARY KEY (id);
