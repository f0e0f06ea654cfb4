if field('driver') == user or redis.call('ZSCORE', waiting, user) then
  return result('status', false)
end
if redis.call('ZCARD', waiting) >= maxWaiting then
  return result('full', false)
end
redis.call('ZADD', waiting, redis.call('INCR', counter), user)
if not field('driver') then
  promote()
  return result('promoted', true)
end
return result('joined', true)
