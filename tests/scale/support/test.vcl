# The scale tests' stand-in for deploy/varnish/pressbox.vcl while that file does not exist yet
# (tests/scale/support/varnish.ts loads the shipped file when it does). The harness puts the
# backends and the round-robin director in front of this file; nothing here names a backend.
# It caches what Pressbox says may be cached (Varnish's default rules on Cache-Control and
# Set-Cookie), tags each object with the response's Surrogate-Key (xkey), and takes purges from
# this machine: PURGE with an xkey-purge header of space-separated keys, PURGE without one for
# the URL, and BAN for everything.
vcl 4.1;

import xkey;

acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "PURGE" || req.method == "BAN") {
    if (client.ip !~ purgers) {
      return (synth(405, "Purging is not allowed from " + client.ip));
    }
    if (req.method == "BAN") {
      ban("obj.status != 0");
      return (synth(200, "Banned everything"));
    }
    if (req.http.xkey-purge) {
      set req.http.x-purged = xkey.purge(req.http.xkey-purge);
      return (synth(200, "Purged " + req.http.x-purged + " object(s)"));
    }
    return (purge);
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # Staff screens, APIs and signed-in readers go straight to Pressbox.
  if (req.url ~ "^/(newsroom|api|preview|__pressbox)(/|$|\?)" || req.http.Cookie ~ "next-auth\.session-token") {
    return (pass);
  }
  unset req.http.Cookie;
  return (hash);
}

sub vcl_backend_response {
  if (beresp.http.Surrogate-Key) {
    set beresp.http.xkey = beresp.http.Surrogate-Key;
  }
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
  unset resp.http.xkey;
}
