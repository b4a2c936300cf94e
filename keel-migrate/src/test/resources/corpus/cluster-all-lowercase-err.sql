-- expect: cluster
cluster verbose;
