-- Needs superuser or pg_read_all_settings; without it keel cannot know where the data lives.
select current_setting('data_directory')
