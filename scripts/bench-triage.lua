-- wrk script for scripts/bench-triage.sh. Arguments after "--": the operation (preview, health, me, vocabulary),
-- the run directory written by fr.aiguillage.bench.TriageBenchServer (token, bodies).
-- Every request is built once at start; preview cycles through the questionnaire mix, one body after the other.
local requests = {}
local n = 0

local function read(path)
  local f = assert(io.open(path, "r"))
  local text = f:read("*a")
  f:close()
  return text
end

function init(args)
  local what, run = args[1], args[2]
  local auth = { ["Authorization"] = "Bearer " .. read(run .. "/token") }
  if what == "preview" then
    for body in io.lines(run .. "/bodies") do
      if body ~= "" then
        local headers = { ["Authorization"] = auth["Authorization"], ["Content-Type"] = "application/json" }
        requests[#requests + 1] = wrk.format("POST", "/api/v1/triage/preview", headers, body)
      end
    end
  elseif what == "health" then
    requests[1] = wrk.format("GET", "/health", {})
  elseif what == "me" then
    requests[1] = wrk.format("GET", "/api/v1/me", auth)
  elseif what == "vocabulary" then
    requests[1] = wrk.format("GET", "/api/v1/triage/vocabulary", auth)
  else
    error("unknown operation " .. tostring(what))
  end
end

function request()
  n = n + 1
  return requests[(n % #requests) + 1]
end

-- One line the shell reads: requests, failed (non-2xx/3xx or socket error), req/s, p50 ms, p99 ms, max ms.
function done(summary, latency, _)
  local e = summary.errors
  local failed = e.status + e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %d %d %.1f %.3f %.3f %.3f\n", summary.requests, failed,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
