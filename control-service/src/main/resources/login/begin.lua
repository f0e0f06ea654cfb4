-- One login attempt begins. KEYS[1]: the account's failure counter, KEYS[2]: the address's.
-- ARGV: account limit, account window (ms), address limit, address window (ms).
-- Returns {0, 0} when the attempt may go on (it is counted now, before the password is
-- checked, so parallel guesses cannot overtake the limit; a success takes it back), or
-- {1 account | 2 address, milliseconds until that counter's window ends} when refused.
-- A refused attempt changes nothing: the window is never extended, so the lock ends at the
-- latest one window after the failure that started it.
local function wait(key, limit)
  local count = tonumber(redis.call('GET', key) or '0')
  if count < limit then
    return 0
  end
  local ttl = redis.call('PTTL', key)
  if ttl < 0 then
    -- A counter without an expiry (should not exist) must never lock anyone for good.
    redis.call('DEL', key)
    return 0
  end
  return ttl
end

local function count(key, window)
  redis.call('INCR', key)
  if redis.call('PTTL', key) < 0 then
    redis.call('PEXPIRE', key, window)
  end
end

local account = wait(KEYS[1], tonumber(ARGV[1]))
if account > 0 then
  return {1, account}
end
local address = wait(KEYS[2], tonumber(ARGV[3]))
if address > 0 then
  return {2, address}
end
count(KEYS[1], ARGV[2])
count(KEYS[2], ARGV[4])
return {0, 0}
