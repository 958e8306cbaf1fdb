# Varnish (7.1 or later, with vmod xkey from varnish-modules) in front of Pressbox.
#
# Pressbox marks every public page and feed `Cache-Control: public, max-age=…, s-maxage=…,
# stale-while-revalidate=…`, with a strong ETag, Last-Modified, and the cache tags its render read
# in `xkey` (and `Surrogate-Key`) headers; with HTTP_CACHE_PURGE=varnish and VARNISH_PURGE_URLS
# naming every Varnish instance, each write sends `PURGE /` with an `xkey-purge: <tags>` header, and
# exactly the pages that showed what changed are dropped. Everything else Pressbox answers
# `private, no-store` (staff screens, sign-in, APIs, search, previews, anything asked with a
# session cookie), and this file passes those requests straight through as well.
#
# The operator's part is a second file, `pressbox-backends.vcl`, found on vcl_path (for example
# /etc/varnish): the backends (one per Pressbox instance, or a director over them), an ACL
# `pressbox_purgers` of the addresses Pressbox instances purge from, and `sub pressbox_backend`
# choosing the backend for a request. deploy/varnish/pressbox-backends.example.vcl is a start.
vcl 4.1;

import std;
import xkey;

include "pressbox-backends.vcl";

# Purges are always accepted from the machine itself; pressbox_purgers adds the app servers.
acl pressbox_local {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    call pressbox_backend;

    if (req.method == "PURGE") {
        if (client.ip !~ pressbox_local && client.ip !~ pressbox_purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "A PURGE needs an xkey-purge header naming the keys"));
        }
        # A hard purge: a publish must show at once, never after one more stale answer.
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff screens, APIs, sign-in, previews, search, internal endpoints (what
    # lib/cache/page-request.ts never caches either), and live streams and change cursors.
    if (req.url ~ "^/(newsroom|api|readyz|healthz|metrics|_next/data|preview|sign-in|sign-out|search|__pressbox)([/?#]|$)" ||
        req.url ~ "^/[^/?#]+/[^/?#]+/(events|changes)([?#]|$)" ||
        req.url ~ "[?&](preview|_rsc)=") {
        return (pass);
    }
    # Anything asked for a signed-in person, and Next.js client navigation (RSC) requests.
    if (req.http.Cookie ~ "(^|;)\s*(__Secure-)?next-auth\.session-token(\.[0-9]+)?=" ||
        req.http.Authorization ||
        req.http.RSC || req.http.Next-Router-Prefetch || req.http.Next-Router-State-Tree || req.http.Next-Action ||
        req.http.Accept ~ "text/x-component") {
        return (pass);
    }
    # Public pages read no cookie: without them every reader shares one copy.
    unset req.http.Cookie;

    # Next.js renders page metadata differently for these crawlers (the same list as
    # BOT_AGENTS in lib/cache/page-request.ts), so they get their own copy.
    if (req.http.User-Agent ~ "(?i)bot|crawler|spider|slurp|facebookexternalhit|embedly|quora link preview|outbrain|pinterest|vkshare|w3c_validator") {
        set req.http.X-Pressbox-Agent = "bot";
    } else {
        set req.http.X-Pressbox-Agent = "std";
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.http.X-Pressbox-Agent);
    # The builtin vcl_hash adds the URL and the host.
}

sub vcl_backend_response {
    # Varnish takes the TTL from s-maxage itself; the grace (serving an expired copy once while
    # the new one is fetched) comes from stale-while-revalidate.
    if (beresp.http.Cache-Control ~ "stale-while-revalidate=[0-9]+") {
        set beresp.grace = std.duration(regsub(beresp.http.Cache-Control, "^.*stale-while-revalidate=([0-9]+).*$", "\1") + "s", 0s);
    }
}

sub vcl_deliver {
    # Purge keys are for caches, not for readers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "pass";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
