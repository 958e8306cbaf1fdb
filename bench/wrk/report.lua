-- wrk script for the benchmark (bench/load.ts): optional list of paths to spread requests over
-- (WRK_PATHS_FILE, one per line), optional pause per connection between requests (WRK_DELAY_MS,
-- to hold a rate below saturation), and a JSON summary line at the end for the runner to parse.
local paths = nil
local counter = 0

function init(args)
  local file = os.getenv("WRK_PATHS_FILE")
  if file and file ~= "" then
    paths = {}
    for line in io.lines(file) do
      if line ~= "" then paths[#paths + 1] = line end
    end
    counter = math.random(#paths)
  end
end

local pause = tonumber(os.getenv("WRK_DELAY_MS") or "0")
if pause > 0 then
  function delay()
    return pause
  end
end

function request()
  if paths then
    counter = counter % #paths + 1
    return wrk.format("GET", paths[counter])
  end
  return wrk.format("GET")
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"bytes":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
