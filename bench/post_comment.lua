-- wrk script: POST the comment form, a different body every time.
--
--   wrk ... -s bench/post_comment.lua http://127.0.0.1:PORT/articles/SLUG/comments/ \
--       -- CSRF_COOKIE CSRF_FORM_TOKEN STARTED RUN_ID
--
-- The CSRF cookie, the form's masked token and the signed `started` field come
-- from one GET of the article page (bench/run.py), URL-encoded. An exact
-- duplicate body gets 409, so each body carries the run, thread and a counter.
-- done() prints "status <code>: <count>" lines for bench/run.py to check.

local threads = {}
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_number", thread_count)
   table.insert(threads, thread)
end

function init(args)
   cookie, form_token, started, run_id = args[1], args[2], args[3], args[4]
   counter = 0
   statuses = {}
   wrk.method = "POST"
   wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
   wrk.headers["Cookie"] = "csrftoken=" .. cookie
end

function request()
   counter = counter + 1
   local body = string.format(
      "csrfmiddlewaretoken=%s&started=%s&parent=&website=&name=Bench+reader"
         .. "&email=bench%%40example.com&body=Benchmark+comment+%s-%d-%d%%2C+please+ignore.",
      form_token, started, run_id, thread_number, counter
   )
   return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local totals = {}
   for _, thread in ipairs(threads) do
      for status, n in pairs(thread:get("statuses")) do
         totals[status] = (totals[status] or 0) + n
      end
   end
   for status, n in pairs(totals) do
      io.write(string.format("status %d: %d\n", status, n))
   end
end
