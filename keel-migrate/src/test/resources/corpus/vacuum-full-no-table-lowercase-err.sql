-- expect: vacuum-full
vacuum full;
