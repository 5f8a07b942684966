-- wrk script: GET /v1/batches/{id} for each id of the file named by $BATCHSH_BENCH_IDS (one id a line), in turn and
-- again from the top, as the benchmark's own loops do, so that wrk asks the server for the same work as they do.
-- The requests are formatted once, in init, so that wrk's own cost per request stays that of a static one.
local requests = {}
local next = 0

function init(args)
  local path = os.getenv("BATCHSH_BENCH_IDS")
  local file = assert(io.open(path or "", "r"), "BATCHSH_BENCH_IDS must name a file of job ids")
  for line in file:lines() do
    if line ~= "" then requests[#requests + 1] = wrk.format("GET", "/v1/batches/" .. line) end
  end
  file:close()
  assert(#requests > 0, "no job ids in " .. path)
end

function request()
  next = next % #requests + 1
  return requests[next]
end
