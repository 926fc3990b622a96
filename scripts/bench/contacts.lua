-- wrk: GET /v1/contacts?q=… with a query drawn from the benchmark's fixed list.
local queries = {}
for line in io.lines(os.getenv("HUMAS_BENCH_QUERIES")) do
  queries[#queries + 1] = line
end
local authorization = "Bearer " .. os.getenv("HUMAS_BENCH_TOKEN")

local function urlencode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  local q = queries[math.random(#queries)]
  return wrk.format("GET", "/v1/contacts?limit=50&q=" .. urlencode(q), { ["Authorization"] = authorization })
end
