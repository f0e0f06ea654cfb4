-- Shared by every queue script. KEYS: state hash, waiting zset, join counter, due zset.
-- ARGV: robot id, now (ms), turn, ready, idle, grace (ms), max waiting, user ('' if none).
local state, waiting, counter, due = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local robot = ARGV[1]
local now = tonumber(ARGV[2])
local turnMs, readyMs, idleMs, graceMs = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local maxWaiting = tonumber(ARGV[7])
local user = ARGV[8]

local function field(name) return redis.call('HGET', state, name) end
local function number(name) return tonumber(redis.call('HGET', state, name) or '0') end

-- The due index holds each robot's earliest deadline, so any instance can find work.
local function reschedule()
  if not field('driver') then
    redis.call('ZREM', due, robot)
    return
  end
  local next
  if field('phase') == 'ready' then
    next = number('readyBy')
  else
    next = math.min(number('turnEndsAt'), number('idleBy'))
  end
  local grace = number('graceBy')
  if grace > 0 and grace < next then next = grace end
  redis.call('ZADD', due, next, robot)
end

-- Hands the turn to the longest-waiting user, who must confirm within the ready check.
local function promote()
  redis.call('HDEL', state, 'driver', 'phase', 'readyBy', 'turnEndsAt', 'idleBy', 'graceBy')
  local first = redis.call('ZRANGE', waiting, 0, 0)[1]
  if first then
    redis.call('ZREM', waiting, first)
    redis.call('HSET', state, 'driver', first, 'phase', 'ready', 'readyBy', now + readyMs)
  end
  reschedule()
end

local function result(event, changed)
  local out = {event, changed and '1' or '0', field('driver') or '', field('phase') or '',
    field('readyBy') or '', field('turnEndsAt') or ''}
  for _, member in ipairs(redis.call('ZRANGE', waiting, 0, -1)) do
    out[#out + 1] = member
  end
  return out
end
