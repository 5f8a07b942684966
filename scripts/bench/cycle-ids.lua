-- wrk script: GET /v1/batches/{id} for each id of the file named by $BATCHSH_BENCH_IDS (one id a line), in turn and
-- again from the top, as the benchmark's own loops do, so that wrk asks the server for the same work as they do.
local path = os.getenv("BATCHSH_BENCH_IDS")
local file = assert(io.open(path or "", "r"), "BATCHSH_BENCH_IDS must name a file of job ids")
local ids = {}
for line in file:lines() do
  if line ~= "" then ids[#ids + 1] = line end
end
file:close()
assert(#ids > 0, "no job ids in " .. path)

local next = 0
request = function()
  next = next % #ids + 1
  return wrk.format("GET", "/v1/batches/" .. ids[next])
end
