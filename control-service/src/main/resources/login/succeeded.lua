-- The password was right: the account's failures are forgiven, and the attempt counted
-- against the address is taken back (its earlier failures stay: a success on one account must
-- not reset a guesser's budget for the others).
redis.call('DEL', KEYS[1])
local count = tonumber(redis.call('GET', KEYS[2]) or '0')
if count > 0 then
  redis.call('DECR', KEYS[2])
end
return 0
