-- expect: none
alter type subscription_status add value if not exists 'paused';
