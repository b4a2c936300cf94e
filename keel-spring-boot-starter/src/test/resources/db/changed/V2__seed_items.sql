INSERT INTO item (name) VALUES ('anchor'), ('rope');
