# The operator's half of deploy/varnish/pressbox.vcl: copy it as `pressbox-backends.vcl` next to
# pressbox.vcl on vcl_path (for example /etc/varnish) and name your Pressbox instances.

import directors;

backend pressbox_1 {
    .host = "10.0.0.11";
    .port = "3000";
    .probe = { .url = "/readyz"; .interval = 5s; .timeout = 2s; .window = 5; .threshold = 3; }
}

backend pressbox_2 {
    .host = "10.0.0.12";
    .port = "3000";
    .probe = { .url = "/readyz"; .interval = 5s; .timeout = 2s; .window = 5; .threshold = 3; }
}

sub vcl_init {
    new pressbox = directors.round_robin();
    pressbox.add_backend(pressbox_1);
    pressbox.add_backend(pressbox_2);
}

# The addresses the Pressbox instances send their PURGE requests from (localhost is always allowed).
acl pressbox_purgers {
    "10.0.0.0"/24;
}

sub pressbox_backend {
    set req.backend_hint = pressbox.backend();
}
