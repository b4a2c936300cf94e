-- expect: update-or-delete-without-where
with default_locale as (select 'en' as locale)
update users set locale = (select locale from default_locale);
