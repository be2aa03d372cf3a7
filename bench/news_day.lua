-- wrk script: a news day's reads, for bench/newsday.py.
--
--   wrk ... -s bench/news_day.lua http://127.0.0.1:PORT -- URL_FILE ZIPF_S MIX
--
-- URL_FILE has one "<kind> <path>" per line; the stories come hottest first.
-- A request picks its kind by MIX ("story:80,home:8,..."), then a story by a
-- Zipf law of exponent ZIPF_S over the stories' ranks (a few hot stories, a
-- long tail) and any other page uniformly among its kind.
-- response() counts the page cache's answers (X-Page-Cache, or X-Cache);
-- done() prints "cache <outcome>: <count>" and "status <code>: <count>" lines.

local threads = {}
local thread_count = 0

function setup(thread)
   thread_count = thread_count + 1
   thread:set("thread_number", thread_count)
   table.insert(threads, thread)
end

function init(args)
   local url_file, exponent, mix_text = args[1], tonumber(args[2]), args[3]
   paths = {}
   for line in io.lines(url_file) do
      local kind, path = line:match("^(%S+)%s+(%S+)$")
      if kind then
         paths[kind] = paths[kind] or {}
         table.insert(paths[kind], path)
      end
   end
   -- The Zipf law's cumulative shares, for a binary search per request.
   cdf = {}
   local total = 0
   for rank = 1, #paths.story do
      total = total + 1 / rank ^ exponent
      cdf[rank] = total
   end
   for rank = 1, #cdf do
      cdf[rank] = cdf[rank] / total
   end
   mix, mix_total = {}, 0
   for kind, weight in mix_text:gmatch("(%a+):(%d+)") do
      if paths[kind] then
         mix_total = mix_total + tonumber(weight)
         table.insert(mix, { kind = kind, upto = mix_total })
      end
   end
   math.randomseed(thread_number * 104729 + os.time())
   outcomes, statuses = {}, {}
end

local function story()
   local u, low, high = math.random(), 1, #cdf
   while low < high do
      local middle = math.floor((low + high) / 2)
      if cdf[middle] < u then low = middle + 1 else high = middle end
   end
   return paths.story[low]
end

function request()
   local u, kind = math.random() * mix_total, mix[#mix].kind
   for _, entry in ipairs(mix) do
      if u < entry.upto then kind = entry.kind; break end
   end
   local path
   if kind == "story" then
      path = story()
   else
      local list = paths[kind]
      path = list[math.random(#list)]
   end
   return wrk.format("GET", path)
end

function response(status, headers, body)
   local outcome = headers["X-Page-Cache"] or headers["X-Cache"] or "none"
   outcomes[outcome] = (outcomes[outcome] or 0) + 1
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local cache, codes = {}, {}
   for _, thread in ipairs(threads) do
      for outcome, n in pairs(thread:get("outcomes")) do
         cache[outcome] = (cache[outcome] or 0) + n
      end
      for status, n in pairs(thread:get("statuses")) do
         codes[status] = (codes[status] or 0) + n
      end
   end
   for outcome, n in pairs(cache) do
      io.write(string.format("cache %s: %d\n", outcome, n))
   end
   for status, n in pairs(codes) do
      io.write(string.format("status %d: %d\n", status, n))
   end
end
