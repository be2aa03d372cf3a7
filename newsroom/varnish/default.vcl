# Varnish in front of newsroom (`make serve`, gunicorn on 127.0.0.1:8000).
#
#   varnishd -a :6081 -f /path/to/newsroom/varnish/default.vcl -s malloc,256m
#   CDN_PURGE_URL=http://127.0.0.1:6081/   # in the site's environment
#
# What it keeps is what the site marks `Cache-Control: public` (list pages,
# feeds, sitemaps, API answers, static files), for the site's s-maxage. It
# never keeps a page carrying a reader's token (`private`), a response that
# sets a cookie, or anything for a request with a cookie other than the CSRF
# cookie (staff sessions, a commenter's own pending comment, remembered
# names, flash messages, the few seconds after a reader's own write).
#
# After every change the site sends `BAN` to CDN_PURGE_URL, twice (the
# second a few seconds later, CDN_PURGE_AGAIN_SECONDS): with `X-Purge-Keys`,
# a regular expression over each stored page's `Surrogate-Key` (the tags of
# what the page shows, pagecache/tags.py), so only the pages that show the
# change go; or, when everything changed, with `X-Purge-Regex`, one over the
# path and query of every stored page. Only the addresses in `purgers` may ban.

vcl 4.1;

import std;

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

# The site's own servers: put the addresses gunicorn runs on here.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # On obj.* only, so that the ban lurker can clear what it matches.
        if (req.http.X-Purge-Keys) {
            if (std.ban("obj.http.Surrogate-Key ~ " + req.http.X-Purge-Keys)) {
                return (synth(200, "Banned"));
            }
            return (synth(400, std.ban_error()));
        }
        if (!req.http.X-Purge-Regex) {
            return (synth(400, "X-Purge-Regex or X-Purge-Keys missing"));
        }
        if (std.ban("obj.http.X-Url ~ " + req.http.X-Purge-Regex)) {
            return (synth(200, "Banned"));
        }
        return (synth(400, std.ban_error()));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization || req.url ~ "^/(admin|preview)/") {
        return (pass);
    }
    # The CSRF cookie is the same kind of thing for every reader; any other
    # cookie means a page of the reader's own.
    if (req.http.Cookie) {
        set req.http.X-Other-Cookies = regsuball(
            req.http.Cookie, "(^|;)\s*csrftoken=[^;]*", "");
        if (req.http.X-Other-Cookies ~ "[^;\s]") {
            unset req.http.X-Other-Cookies;
            return (pass);
        }
        unset req.http.X-Other-Cookies;
    }
    # Tracking tags change nothing on a page: one copy for all of them.
    if (req.url ~ "[?&](utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=") {
        set req.url = regsuball(
            req.url, "(?<=[?&])(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)=[^&]*(&|$)", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }
    set req.url = std.querysort(req.url);
    # Looked up even with the CSRF cookie; a page the site marks private is
    # then fetched for this reader, with their cookie, and not kept.
    return (hash);
}

sub vcl_backend_response {
    # What bans match on; taken off again before a reader sees it. A page
    # the site sent without its tags (its page cache off) goes with any ban.
    set beresp.http.X-Url = bereq.url;
    if (!beresp.http.Surrogate-Key) {
        set beresp.http.Surrogate-Key = "untagged";
    }
    if (beresp.http.Set-Cookie
        || beresp.http.Cache-Control !~ "(^|,)\s*public\b"
        || beresp.http.Cache-Control ~ "private|no-store|no-cache") {
        # Not kept; for two minutes requests for it go straight through.
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    unset resp.http.X-Url;
    unset resp.http.Surrogate-Key;
}
